using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The report_cell_keys table: cell addresses numbered once.</summary>
internal sealed class ReportCellKeyConfiguration : IEntityTypeConfiguration<ReportCellKeyRow>
{
    public void Configure(EntityTypeBuilder<ReportCellKeyRow> e)
    {
        e.ToTable("report_cell_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.Cell).HasColumnName("cell").HasMaxLength(128);
        e.HasIndex(x => x.Cell).IsUnique().HasDatabaseName("ix_report_cell_keys_cell");
    }
}
