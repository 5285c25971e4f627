using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Installation;

/// <summary>
/// One key of the ASP.NET Core data-protection key ring (sign-in cookies, form tokens), kept in the database when it
/// is PostgreSQL so that several web servers share one ring without a shared folder.
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = string.Empty;

    /// <summary>The key's XML as the framework writes it.</summary>
    public string Xml { get; set; } = string.Empty;
}

/// <summary>Maps <see cref="DataProtectionKeyRow"/> to <c>data_protection_keys</c>.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> e)
    {
        e.ToTable("data_protection_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.FriendlyName).HasColumnName("friendly_name").HasMaxLength(200);
        e.Property(x => x.Xml).HasColumnName("xml");
    }
}
