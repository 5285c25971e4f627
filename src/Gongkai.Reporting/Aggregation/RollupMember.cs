using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// One report in a roll-up, as the roll-up names it: who it is from, the layout it follows, its file when read from one, and
/// its agency's code when the agency is one Gongkai knows.
/// </summary>
public sealed record RollupMember(string Name, ReportEdition Edition, string? File = null, string? Code = null);
