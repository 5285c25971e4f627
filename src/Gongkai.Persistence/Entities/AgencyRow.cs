namespace Gongkai.Persistence.Entities;

/// <summary>行政机关 — an agency that handles applications and publishes a report.</summary>
public sealed class AgencyRow
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The agency above it (its people's government or supervising office), if any.</summary>
    public string? ParentCode { get; set; }

    /// <summary>A <see cref="Gongkai.Domain.Organisation.AgencyLevel"/> number.</summary>
    public int Level { get; set; } = (int)Gongkai.Domain.Organisation.AgencyLevel.City;

    /// <summary>A <see cref="Gongkai.Domain.Organisation.AgencyKind"/> number.</summary>
    public int Kind { get; set; } = (int)Gongkai.Domain.Organisation.AgencyKind.Department;

    /// <summary>
    /// The day it was closed (merged or abolished); null while active. A closed agency keeps its cases, reports and
    /// accounts' history, takes no new applications and gets no new accounts.
    /// </summary>
    public DateOnly? ClosedOn { get; set; }
}
