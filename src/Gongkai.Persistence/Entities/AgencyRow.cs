namespace Gongkai.Persistence.Entities;

/// <summary>行政机关 — an agency that handles applications and publishes a report.</summary>
public sealed class AgencyRow
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The supervising agency (政务公开办) it reports to, if any.</summary>
    public string? ParentCode { get; set; }
}
