using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// 汇总 — the statistical tables of many agencies' reports for one year added up, as a report in the
/// official layout, with every figure traceable to the agencies that contribute to it.
/// </summary>
public sealed class Rollup
{
    internal Rollup(AnnualReport? report, IReadOnlyList<RollupSource> sources, IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>> contributions, IReadOnlyList<Diagnostic> diagnostics)
    {
        Report = report;
        Sources = sources;
        Contributions = contributions;
        Diagnostics = diagnostics;
    }

    /// <summary>The rolled-up report (agency 汇总（N个机关）), or null when the inputs cannot be rolled up.</summary>
    public AnnualReport? Report { get; }

    public IReadOnlyList<RollupSource> Sources { get; }

    /// <summary>For every cell with a figure, the agencies that reported a number there.</summary>
    public IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>> Contributions { get; }

    /// <summary>What the mapping between layouts and the summing found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Report is not null;

    public IReadOnlyList<Contribution> ContributorsOf(CellAddress cell) =>
        Contributions.TryGetValue(cell, out var list) ? list : [];

    /// <summary>The agency line of a roll-up report.</summary>
    public static string AgencyName(int agencies) => $"汇总（{agencies}个机关）";
}
