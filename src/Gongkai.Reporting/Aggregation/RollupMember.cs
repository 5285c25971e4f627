using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>One report in a roll-up, as the roll-up names it: who it is from and the layout it follows.</summary>
public sealed record RollupMember(string Name, ReportEdition Edition);
