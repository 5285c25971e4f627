using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Registry;

/// <summary>
/// An agency's yearly figures for table 二 第二十条第（五）（六）（八）项, imported from the systems that hold them:
/// licensing, penalty and coercion decisions, and the administrative fees collected (yuan; the table shows 万元).
/// A later import of the same agency and year replaces the figures it carries.
/// </summary>
public sealed class DecisionCountsRow
{
    public long Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public int? Licensing { get; set; }

    public int? Penalty { get; set; }

    public int? Coercion { get; set; }

    public decimal? FeesYuan { get; set; }

    public string Source { get; set; } = string.Empty;

    public long ImportedAtUtcTicks { get; set; }
}

internal sealed class DecisionCountsConfiguration : IEntityTypeConfiguration<DecisionCountsRow>
{
    public void Configure(EntityTypeBuilder<DecisionCountsRow> e)
    {
        e.ToTable("registry_decision_counts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
        e.Property(x => x.Year).HasColumnName("year");
        e.Property(x => x.Licensing).HasColumnName("licensing");
        e.Property(x => x.Penalty).HasColumnName("penalty");
        e.Property(x => x.Coercion).HasColumnName("coercion");
        e.Property(x => x.FeesYuan).HasColumnName("fees_yuan").HasPrecision(18, 2);
        e.Property(x => x.Source).HasColumnName("source").HasMaxLength(260);
        e.Property(x => x.ImportedAtUtcTicks).HasColumnName("imported_at_utc_ticks");
        e.HasIndex(x => new { x.AgencyCode, x.Year }).IsUnique().HasDatabaseName("ix_registry_decision_counts_agency_year");
    }
}
