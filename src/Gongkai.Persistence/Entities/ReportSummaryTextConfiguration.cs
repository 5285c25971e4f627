using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The report_summary_texts table: text in the table 二 cells of summarised reports.</summary>
internal sealed class ReportSummaryTextConfiguration : IEntityTypeConfiguration<ReportSummaryTextRow>
{
    public void Configure(EntityTypeBuilder<ReportSummaryTextRow> e)
    {
        e.ToTable("report_summary_texts");
        e.HasKey(x => new { x.SummaryId, x.CellId }).HasName("pk_report_summary_texts");
        e.Property(x => x.SummaryId).HasColumnName("summary_id");
        e.Property(x => x.CellId).HasColumnName("cell_id");
        e.Property(x => x.Text).HasColumnName("text");
    }
}
