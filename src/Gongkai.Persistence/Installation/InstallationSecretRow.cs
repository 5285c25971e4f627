using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Installation;

/// <summary>A named secret of the installation (the access-code secret), kept in the database when it is PostgreSQL.</summary>
public sealed class InstallationSecretRow
{
    public string Name { get; set; } = string.Empty;

    public string Value { get; set; } = string.Empty;
}

/// <summary>Maps <see cref="InstallationSecretRow"/> to <c>installation_secrets</c>.</summary>
internal sealed class InstallationSecretConfiguration : IEntityTypeConfiguration<InstallationSecretRow>
{
    public void Configure(EntityTypeBuilder<InstallationSecretRow> e)
    {
        e.ToTable("installation_secrets");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(64);
        e.Property(x => x.Value).HasColumnName("value").HasMaxLength(200);
    }
}
