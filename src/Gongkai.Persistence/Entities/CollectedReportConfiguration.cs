using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>The collected_reports table: versions of the reading of a collected file.</summary>
internal sealed class CollectedReportConfiguration : IEntityTypeConfiguration<CollectedReportRow>
{
    public void Configure(EntityTypeBuilder<CollectedReportRow> e)
    {
        e.ToTable("collected_reports");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.SourceId).HasColumnName("source_id");
        e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
        e.Property(x => x.Year).HasColumnName("year");
        e.Property(x => x.Number).HasColumnName("number");
        e.Property(x => x.Current).HasColumnName("current");
        e.Property(x => x.Json).HasColumnName("json");
        e.Property(x => x.DiagnosticsJson).HasColumnName("diagnostics_json");
        e.Property(x => x.Note).HasColumnName("note");
        e.Property(x => x.PublishedOn).HasColumnName("published_on");
        e.Property(x => x.Late).HasColumnName("late");
        e.Property(x => x.Errors).HasColumnName("errors");
        e.Property(x => x.Warnings).HasColumnName("warnings");
        e.Property(x => x.Uncertain).HasColumnName("uncertain");
        e.Property(x => x.Score).HasColumnName("score");
        e.Property(x => x.CreatedAtUtcTicks).HasColumnName("created_at_utc_ticks");
        e.Property(x => x.CreatedBy).HasColumnName("created_by").HasMaxLength(64);
        e.HasIndex(x => new { x.AgencyCode, x.Year, x.Number }).IsUnique().HasDatabaseName("ix_collected_reports_agency_year_number");
        e.HasIndex(x => new { x.Year, x.Current }).HasDatabaseName("ix_collected_reports_year_current");
    }
}
