using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>One report in a roll-up, as the roll-up names it: who it is from, the layout it follows, and its file when read from one.</summary>
public sealed record RollupMember(string Name, ReportEdition Edition, string? File = null);
