using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The report_summaries table: one counted report per agency and year with the overview's figures.</summary>
internal sealed class ReportSummaryConfiguration : IEntityTypeConfiguration<ReportSummaryRow>
{
    public void Configure(EntityTypeBuilder<ReportSummaryRow> e)
    {
        e.ToTable("report_summaries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
        e.Property(x => x.Year).HasColumnName("year");
        e.Property(x => x.Source).HasColumnName("source").HasMaxLength(16);
        e.Property(x => x.SourceId).HasColumnName("source_id");
        e.Property(x => x.PreviousId).HasColumnName("previous_id");
        e.Property(x => x.Edition).HasColumnName("edition").HasMaxLength(8);
        e.Property(x => x.PublishedOn).HasColumnName("published_on");
        e.Property(x => x.Late).HasColumnName("late");
        e.Property(x => x.Errors).HasColumnName("errors");
        e.Property(x => x.Warnings).HasColumnName("warnings");
        e.Property(x => x.Uncertain).HasColumnName("uncertain");
        e.Property(x => x.Score).HasColumnName("score");
        e.HasIndex(x => new { x.Year, x.AgencyCode }).IsUnique().HasDatabaseName("ix_report_summaries_year_agency");
    }
}
