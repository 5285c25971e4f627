namespace Gongkai.Reporting.Aggregation;

/// <summary>What one agency's report adds to one cell of a roll-up.</summary>
/// <param name="Agency">The agency as named in its report (or the source when the report names none).</param>
/// <param name="Value">The figure it reported.</param>
/// <param name="Code">The agency's code when the roll-up is of agencies Gongkai knows (two agencies may share a name); null for files.</param>
public sealed record Contribution(string Agency, decimal Value, string? Code = null);
