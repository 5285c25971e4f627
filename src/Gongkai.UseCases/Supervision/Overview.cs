using Gongkai.Reporting.Aggregation;

namespace Gongkai.UseCases.Supervision;

/// <summary>The supervisor's overview: every agency beneath one, for one year, and the roll-up of their reports.</summary>
public sealed record Overview(string Under, string UnderName, int Year, IReadOnlyList<OverviewRow> Agencies, Rollup? Rollup);
