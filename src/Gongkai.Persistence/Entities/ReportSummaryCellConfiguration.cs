using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The report_summary_cells table: the filled cells of each summarised report.</summary>
internal sealed class ReportSummaryCellConfiguration : IEntityTypeConfiguration<ReportSummaryCellRow>
{
    public void Configure(EntityTypeBuilder<ReportSummaryCellRow> e)
    {
        e.ToTable("report_summary_cells");
        e.HasKey(x => new { x.SummaryId, x.CellId }).HasName("pk_report_summary_cells");
        e.Property(x => x.SummaryId).HasColumnName("summary_id");
        e.Property(x => x.CellId).HasColumnName("cell_id");
        e.Property(x => x.Millionths).HasColumnName("millionths");

        // Covers the roll-up's SUM: the rows of one report are read from the index alone, without visiting the table.
        e.HasIndex(x => new { x.SummaryId, x.CellId, x.Millionths }).HasDatabaseName("ix_report_summary_cells_cover");
    }
}
