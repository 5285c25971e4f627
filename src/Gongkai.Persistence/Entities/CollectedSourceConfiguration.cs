using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The collected_sources table: collected files, kept as they came.</summary>
internal sealed class CollectedSourceConfiguration : IEntityTypeConfiguration<CollectedSourceRow>
{
    public void Configure(EntityTypeBuilder<CollectedSourceRow> e)
    {
        e.ToTable("collected_sources");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(260);
        e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        e.Property(x => x.Bytes).HasColumnName("bytes");
        e.Property(x => x.CollectedAtUtcTicks).HasColumnName("collected_at_utc_ticks");
        e.Property(x => x.CollectedBy).HasColumnName("collected_by").HasMaxLength(64);
    }
}
