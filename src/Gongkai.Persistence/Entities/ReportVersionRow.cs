namespace Gongkai.Persistence.Entities;

/// <summary>A published annual report: immutable once written. A correction is a new row with the next number and a change note.</summary>
public sealed class ReportVersionRow
{
    public long Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>1 for the first publication, 2 for the first correction, …</summary>
    public int Number { get; set; }

    /// <summary>The whole report as canonical JSON, exactly as published.</summary>
    public string Json { get; set; } = string.Empty;

    public long PublishedAtUtcTicks { get; set; }

    public string PublishedBy { get; set; } = string.Empty;

    /// <summary>Empty for version 1; what was corrected and why for later versions.</summary>
    public string ChangeNote { get; set; } = string.Empty;
}
