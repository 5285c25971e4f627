namespace Gongkai.Reporting.Aggregation;

/// <summary>What one agency's report adds to one cell of a roll-up.</summary>
/// <param name="Agency">The agency as named in its report (or the source when the report names none).</param>
/// <param name="Value">The figure it reported.</param>
public sealed record Contribution(string Agency, decimal Value);
