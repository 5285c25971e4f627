using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>An officer's e-mail address: where the daily digest of cases due and overdue goes.</summary>
public sealed partial class StaffUserRow
{
    /// <summary>Null or empty: the officer gets no digest.</summary>
    public string? Email { get; set; }
}

/// <summary>The e-mail column of <c>staff_users</c>.</summary>
internal sealed class StaffUserEmailConfiguration : IEntityTypeConfiguration<StaffUserRow>
{
    public void Configure(EntityTypeBuilder<StaffUserRow> e) => e.Property(x => x.Email).HasColumnName("email").HasMaxLength(200);
}
