namespace Gongkai.Persistence.Entities;

/// <summary>
/// The officers' working copy of an agency's annual report for a year: the hand-entered parts (table 二,
/// sections 一, 五, 六) as canonical JSON. Tables 三 and 四 are not stored here — they are always generated
/// from the cases.
/// </summary>
public sealed class ReportDraftRow
{
    public long Id { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public int Year { get; set; }

    public string Json { get; set; } = string.Empty;

    public long UpdatedAtUtcTicks { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency token.</summary>
    public int Version { get; set; }
}
