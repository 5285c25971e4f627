using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The roll-up of stored summaries: the packed numbers of the reports chosen (<see cref="ReportSummaryNumbersRow"/>) and
/// their table 二 texts are read in one query each and added up in memory, one sum per layout and cell; who contributed to
/// a figure is answered from the same numbers, in the order the reports were chosen. No report's JSON is read, and once
/// built the roll-up needs no database.
/// </summary>
internal sealed class StoredRollup : IRollupCells
{
    private readonly IReadOnlyDictionary<string, int> cellIds;

    /// <summary>By layout, the chosen reports in order: the name shown, the agency's code and the report's cells (ascending id) with their numbers.</summary>
    private readonly Dictionary<ReportEdition, List<(string Name, string Code, int[] Cells, long[] Millionths)>> numbers;

    private readonly Dictionary<(ReportEdition, int), List<(string Agency, string Text)>> texts;

    private readonly Dictionary<(ReportEdition, int), IReadOnlyList<Contribution>> contributions = [];

    private StoredRollup(
        IReadOnlyDictionary<string, int> cellIds, Dictionary<ReportEdition, List<(string, string, int[], long[])>> numbers, Dictionary<(ReportEdition, int), List<(string, string)>> texts)
    {
        this.cellIds = cellIds;
        this.numbers = numbers;
        this.texts = texts;
    }

    /// <summary>The roll-up of <paramref name="chosen"/> (summary and the name it is shown under, in order), or null when there is none.</summary>
    public static async Task<Rollup?> OfAsync(GongkaiDbContext db, int year, IReadOnlyList<(ReportSummaryRow Summary, string Name)> chosen, CancellationToken cancellationToken = default)
    {
        if (chosen.Count == 0)
        {
            return null;
        }

        var members = chosen.ToDictionary(
            c => c.Summary.Id,
            c => new RollupMember(c.Name, ReportEditions.TryParse(c.Summary.Edition, out var e) ? e : ReportEdition.Edition2021, Code: c.Summary.AgencyCode));
        var keys = await db.Set<ReportCellKeyRow>().AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Cell, cancellationToken);
        var ids = members.Keys.ToArray();
        // From the year's summaries (an index) to each report's packed numbers (its key): those reports and nothing else.
        var packed = await (
            from s in db.Set<ReportSummaryRow>().AsNoTracking()
            where s.Year == year && EF.Parameter(ids).Contains(s.Id)
            join n in db.Set<ReportSummaryNumbersRow>().AsNoTracking() on s.Id equals n.SummaryId
            select n).ToDictionaryAsync(n => n.SummaryId, n => n.Cells, cancellationToken);
        var textRows = await db.Set<ReportSummaryTextRow>().AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.SummaryId)).ToListAsync(cancellationToken);

        var byEdition = new Dictionary<ReportEdition, List<(string, string, int[], long[])>>();
        // Added up in 128 bits: a figure of many reports can pass what one report's number may hold.
        var sums = new Dictionary<(ReportEdition Edition, int Cell), (Int128 Sum, int Numbers)>();
        foreach (var (summary, _) in chosen)
        {
            var member = members[summary.Id];
            var (cells, millionths) = packed.TryGetValue(summary.Id, out var bytes) ? PackedCells.Unpack(bytes) : ([], []);
            if (!byEdition.TryGetValue(member.Edition, out var list))
            {
                byEdition[member.Edition] = list = [];
            }

            list.Add((member.Name, summary.AgencyCode, cells, millionths));
            for (var i = 0; i < cells.Length; i++)
            {
                var (sum, count) = sums.GetValueOrDefault((member.Edition, cells[i]));
                sums[(member.Edition, cells[i])] = (sum + millionths[i], count + 1);
            }
        }

        // Texts in the order the reports were chosen.
        var order = chosen.Select((c, i) => (c.Summary.Id, i)).ToDictionary(c => c.Id, c => c.i);
        var texts = textRows.OrderBy(t => order[t.SummaryId]).GroupBy(t => (members[t.SummaryId].Edition, t.CellId))
            .ToDictionary(g => g.Key, g => g.Select(t => (members[t.SummaryId].Name, t.Text)).ToList());

        var cellSums = new List<CellSum>();
        foreach (var key in sums.Keys.Union(texts.Keys))
        {
            var (sum, count) = sums.GetValueOrDefault(key);
            if (keys.TryGetValue(key.Item2, out var text) && CellAddress.TryParse(text, out var cell))
            {
                cellSums.Add(new CellSum(key.Item1, cell, (decimal)sum / SummaryCells.Scale, count, texts.TryGetValue(key, out var t) ? t.Count : 0));
            }
        }

        var cellIds = keys.ToDictionary(k => k.Value, k => k.Key, StringComparer.Ordinal);
        return ReportRollup.FromSums(year, chosen.Select(c => members[c.Summary.Id]).ToArray(), cellSums, new StoredRollup(cellIds, byEdition, texts));
    }

    public IReadOnlyList<Contribution> Numbers(ReportEdition edition, CellAddress cell)
    {
        if (!cellIds.TryGetValue(cell.ToString(), out var id) || !numbers.TryGetValue(edition, out var reports))
        {
            return [];
        }

        lock (contributions)
        {
            if (!contributions.TryGetValue((edition, id), out var found))
            {
                var list = new List<Contribution>();
                foreach (var (name, code, cells, millionths) in reports)
                {
                    if (Array.BinarySearch(cells, id) is var at and >= 0)
                    {
                        list.Add(new Contribution(name, millionths[at] / (decimal)SummaryCells.Scale, code));
                    }
                }

                contributions[(edition, id)] = found = list;
            }

            return found;
        }
    }

    public IReadOnlyList<(string Agency, string Text)> Texts(ReportEdition edition, CellAddress cell) =>
        cellIds.TryGetValue(cell.ToString(), out var id) && texts.TryGetValue((edition, id), out var found) ? found : [];
}
