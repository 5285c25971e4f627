namespace Gongkai.Persistence.Entities;

/// <summary>
/// The report the supervisor's overview counts for one agency and year (its latest published version, else its
/// current collected reading), with the overview's figures computed once when the report was written, so the
/// overview is one indexed query and the roll-up adds up their packed numbers (<see cref="ReportSummaryNumbersRow"/>).
/// </summary>
public sealed class ReportSummaryRow
{
    /// <summary><see cref="Source"/> of a report published in Gongkai (report_versions).</summary>
    public const string Published = "published";

    /// <summary><see cref="Source"/> of a report collected from a file (collected_reports).</summary>
    public const string Collected = "collected";

    public long Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary><see cref="Published"/> or <see cref="Collected"/>.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The id of the report_versions or collected_reports row summarised: a newer one makes this row stale.</summary>
    public long SourceId { get; set; }

    /// <summary>For a published report, the id of last year's published version it was checked against (year-on-year rules).</summary>
    public long? PreviousId { get; set; }

    /// <summary>The layout code (2019, 2021).</summary>
    public string Edition { get; set; } = string.Empty;

    public DateOnly? PublishedOn { get; set; }

    public bool Late { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    public int Uncertain { get; set; }

    public int Score { get; set; }
}
