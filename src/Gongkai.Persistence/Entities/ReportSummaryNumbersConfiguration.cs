using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The report_summary_numbers table: the packed numbers of each summarised report, keyed by its summary.</summary>
internal sealed class ReportSummaryNumbersConfiguration : IEntityTypeConfiguration<ReportSummaryNumbersRow>
{
    public void Configure(EntityTypeBuilder<ReportSummaryNumbersRow> e)
    {
        e.ToTable("report_summary_numbers");
        e.HasKey(x => x.SummaryId).HasName("pk_report_summary_numbers");
        e.Property(x => x.SummaryId).HasColumnName("summary_id").ValueGeneratedNever();
        e.Property(x => x.Cells).HasColumnName("cells").IsRequired();
    }
}
