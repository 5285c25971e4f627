using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Aggregation;

/// <summary>The roll-up from cells already added up by a database, with the same mapping between layouts as <see cref="Of"/>.</summary>
public static partial class ReportRollup
{
    /// <summary>
    /// Builds the roll-up of <paramref name="members"/> (one year) from <paramref name="sums"/>, each cell of one layout
    /// added up over that layout's reports. Sums are additive, so mapping a 2019 cell to its 2021 cell after adding up
    /// gives what <see cref="Of"/> gives report by report; contributors and the per-report diagnostics come from
    /// <paramref name="cells"/>, one cell at a time.
    /// </summary>
    public static Rollup FromSums(int year, IReadOnlyList<RollupMember> members, IReadOnlyList<CellSum> sums, IRollupCells cells)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(sums);
        ArgumentNullException.ThrowIfNull(cells);
        if (members.Count == 0)
        {
            throw new ArgumentException("A roll-up needs at least one report.", nameof(members));
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var twice in members.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticCatalog.RollupSameAgencyTwice.Create(DiagnosticLocation.Meta("agency"), twice.Key, year, twice.Count()));
        }

        var editions = members.Select(s => s.Edition).Distinct().ToArray();
        var target = ReportSchema.For(editions.Length == 1 ? editions[0] : ReportEdition.Edition2021);
        var result = NewReport(target.Edition, year, members.Select(m => m.Name).ToArray());
        HashSet<string>? comparableKeys = null;
        if (editions.Length > 1)
        {
            comparableKeys = ProactiveEquivalence.Pairs(ReportSchema.Edition2019, target).Select(p => p.To).ToHashSet(StringComparer.Ordinal);
            diagnostics.Add(DiagnosticCatalog.RollupProactiveNotComparable.Create(
                DiagnosticLocation.Cell("二", null),
                members.Count(s => s.Edition == ReportEdition.Edition2019),
                members.Count(s => s.Edition == ReportEdition.Edition2021),
                comparableKeys.Count,
                target.ProactiveKeys.Count - comparableKeys.Count));
        }

        var totals = new Dictionary<CellAddress, decimal>();
        foreach (var sum in sums.Where(s => editions.Contains(s.Edition)))
        {
            if (MapTo(sum.Edition, sum.Cell, target, comparableKeys) is not { } to)
            {
                continue;
            }

            if (sum.Numbers > 0)
            {
                totals[to] = totals.GetValueOrDefault(to) + sum.Sum;
            }

            if (sum.Texts > 0 && sum.Cell.Table == "二")
            {
                foreach (var (agency, text) in cells.Texts(sum.Edition, sum.Cell))
                {
                    diagnostics.Add(DiagnosticCatalog.RollupTextNotSummed.Create(DiagnosticLocation.Cell("二", sum.Cell.Key), agency, CellNames.Proactive(ReportSchema.For(sum.Edition), sum.Cell.Key), text));
                }
            }
        }

        if (target.Edition == ReportEdition.Edition2021 && editions.Contains(ReportEdition.Edition2019))
        {
            // 2019's （六）其他处理 has no parts; the 2021 layout split it in three and only 3.其他 can hold it.
            var other = CellAddress.Applications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Total);
            var given = cells.Numbers(ReportEdition.Edition2019, other).GroupBy(c => c.Agency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            foreach (var member in members.Where(m => m.Edition == ReportEdition.Edition2019))
            {
                diagnostics.Add(DiagnosticCatalog.RollupOtherOutcomeMapped.Create(
                    DiagnosticLocation.Cell("三", ApplicationKeys.OutcomeOther2019), member.Name,
                    given.TryGetValue(member.Name, out var t) ? t.ToString("0.######", CultureInfo.InvariantCulture) + " 件" : "空白"));
            }
        }

        foreach (var (cell, sum) in totals)
        {
            Set(result, cell, sum, diagnostics);
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            order.TryAdd(members[i].Code ?? members[i].Name, i);
        }

        IReadOnlyList<Contribution> ContributorsOf(CellAddress cell) =>
            editions
                .SelectMany(e => SourceCells(e, cell, target, comparableKeys).SelectMany(source => cells.Numbers(e, source)))
                .OrderBy(c => order.GetValueOrDefault(c.Code ?? c.Agency, int.MaxValue))
                .ToArray();

        return new Rollup(result, members, totals.Keys.ToArray(), ContributorsOf, diagnostics);
    }

    // The roll-up's cell that a cell of a report in `edition` adds to, or null when it adds to none.
    private static CellAddress? MapTo(ReportEdition edition, CellAddress cell, ReportSchema target, HashSet<string>? comparableKeys)
    {
        var schema = ReportSchema.For(edition);
        switch (cell.Table)
        {
            case "二":
                return ProactiveEquivalence.Map(schema, cell.Key, target) is { } to && comparableKeys?.Contains(to) != false
                    ? CellAddress.Proactive(to)
                    : null;
            case "三":
                var row = cell.Key == ApplicationKeys.OutcomeOther2019 && target.Edition == ReportEdition.Edition2021 ? ApplicationKeys.OutcomeOtherOther : cell.Key;
                return target.ApplicationDataRows.Any(r => r.Key == row) ? cell with { Key = row } : null;
            default:
                return target.ReviewColumns.Any(c => c.Key == cell.Key) ? cell : null;
        }
    }

    // The cells of reports in `edition` that add to `cell` of the roll-up: the inverse of MapTo.
    private static IEnumerable<CellAddress> SourceCells(ReportEdition edition, CellAddress cell, ReportSchema target, HashSet<string>? comparableKeys)
    {
        var schema = ReportSchema.For(edition);
        IEnumerable<CellAddress> candidates = cell.Table switch
        {
            "二" => schema.ProactiveKeys.Select(CellAddress.Proactive),
            "三" => new[] { cell, cell with { Key = ApplicationKeys.OutcomeOther2019 } }
                .Where(c => schema.ApplicationDataRows.Any(r => r.Key == c.Key)).Distinct(),
            _ => [cell],
        };
        return candidates.Where(c => MapTo(edition, c, target, comparableKeys) == cell);
    }
}
