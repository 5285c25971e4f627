using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>
/// 汇总 — the statistical tables of many agencies' reports for one year added up, as a report in the
/// official layout, with every figure traceable to the agencies that contribute to it.
/// </summary>
public sealed class Rollup
{
    private readonly Lazy<IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>>> _contributions;
    private readonly Func<CellAddress, IReadOnlyList<Contribution>> _contributorsOf;

    internal Rollup(AnnualReport? report, IReadOnlyList<RollupMember> sources, IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>> contributions, IReadOnlyList<Diagnostic> diagnostics)
    {
        Report = report;
        Sources = sources;
        Diagnostics = diagnostics;
        _contributions = new Lazy<IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>>>(contributions);
        _contributorsOf = cell => contributions.TryGetValue(cell, out var list) ? list : [];
    }

    /// <summary>A roll-up whose contributors are looked up when asked (one cell at a time), not held in memory.</summary>
    internal Rollup(AnnualReport report, IReadOnlyList<RollupMember> sources, IReadOnlyList<CellAddress> cells, Func<CellAddress, IReadOnlyList<Contribution>> contributorsOf, IReadOnlyList<Diagnostic> diagnostics)
    {
        Report = report;
        Sources = sources;
        Diagnostics = diagnostics;
        _contributorsOf = contributorsOf;
        _contributions = new Lazy<IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>>>(
            () => cells.ToDictionary(c => c, contributorsOf));
    }

    /// <summary>The rolled-up report (agency 汇总（N个机关）), or null when the inputs cannot be rolled up.</summary>
    public AnnualReport? Report { get; }

    /// <summary>The reports added up, in the order given.</summary>
    public IReadOnlyList<RollupMember> Sources { get; }

    /// <summary>For every cell with a figure, the agencies that reported a number there (all of them: may be large).</summary>
    public IReadOnlyDictionary<CellAddress, IReadOnlyList<Contribution>> Contributions => _contributions.Value;

    /// <summary>What the mapping between layouts and the summing found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Succeeded => Report is not null;

    /// <summary>The agencies that reported a number in <paramref name="cell"/> (a cell of the roll-up's layout), in source order.</summary>
    public IReadOnlyList<Contribution> ContributorsOf(CellAddress cell) => _contributorsOf(cell);

    /// <summary>The agency line of a roll-up report.</summary>
    public static string AgencyName(int agencies) => $"汇总（{agencies}个机关）";
}
