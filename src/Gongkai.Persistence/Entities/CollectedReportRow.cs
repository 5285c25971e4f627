namespace Gongkai.Persistence.Entities;

/// <summary>
/// One reading of a collected report: version 1 is the import, later versions are an officer's confirmed
/// corrections with a note. The overview's figures (errors, warnings, score, late) are stored on write so
/// the supervisor's overview is one indexed query (<see cref="Current"/> marks the latest version).
/// </summary>
public sealed class CollectedReportRow
{
    public long Id { get; set; }

    public long SourceId { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public int Year { get; set; }

    /// <summary>1 for the import, 2 for the first confirmed correction, …</summary>
    public int Number { get; set; }

    /// <summary>True on the latest version of the agency's collected report for the year.</summary>
    public bool Current { get; set; }

    /// <summary>The report as canonical JSON.</summary>
    public string Json { get; set; } = string.Empty;

    /// <summary>Import and validation diagnostics as a JSON array (the CLI's --json form).</summary>
    public string DiagnosticsJson { get; set; } = "[]";

    /// <summary>Why this version differs from the one before; empty for the import.</summary>
    public string Note { get; set; } = string.Empty;

    /// <summary>When the agency published it, when the officer knows; null when unknown.</summary>
    public DateOnly? PublishedOn { get; set; }

    public bool Late { get; set; }

    public int Errors { get; set; }

    public int Warnings { get; set; }

    /// <summary>Uncertain readings still to confirm (GK4005, GK4006, GK4007).</summary>
    public int Uncertain { get; set; }

    public int Score { get; set; }

    public long CreatedAtUtcTicks { get; set; }

    public string CreatedBy { get; set; } = string.Empty;
}
