using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The agencies table (code is the key; the parent is a code, checked for cycles by the directory).</summary>
internal sealed class AgencyConfiguration : IEntityTypeConfiguration<AgencyRow>
{
    public void Configure(EntityTypeBuilder<AgencyRow> e)
    {
        e.ToTable("agencies");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasColumnName("code").HasMaxLength(64);
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(200);
        e.Property(x => x.ParentCode).HasColumnName("parent_code").HasMaxLength(64);
        e.Property(x => x.Level).HasColumnName("level");
        e.Property(x => x.Kind).HasColumnName("kind");
        e.Property(x => x.ClosedOn).HasColumnName("closed_on");
        e.HasIndex(x => x.ParentCode).HasDatabaseName("ix_agencies_parent_code");
    }
}
