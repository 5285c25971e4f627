using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The roll-up of stored summaries: the database adds up each cell (GROUP BY cell, SUM) over the reports chosen,
/// one query per layout, and answers who contributed to a figure one cell at a time; no report's JSON is read.
/// The contributors are looked up through <paramref name="db"/>, which must stay open while they are asked for.
/// </summary>
internal sealed class StoredRollup(GongkaiDbContext db, int year, IReadOnlyDictionary<long, RollupMember> members, IReadOnlyDictionary<string, int> cellIds) : IRollupCells
{
    /// <summary>The roll-up of <paramref name="chosen"/> (summary and the name it is shown under, in order), or null when there is none.</summary>
    public static Rollup? Of(GongkaiDbContext db, int year, IReadOnlyList<(ReportSummaryRow Summary, string Name)> chosen)
    {
        if (chosen.Count == 0)
        {
            return null;
        }

        var members = chosen.ToDictionary(
            c => c.Summary.Id,
            c => new RollupMember(c.Name, ReportEditions.TryParse(c.Summary.Edition, out var e) ? e : ReportEdition.Edition2021));
        var keys = db.Set<ReportCellKeyRow>().AsNoTracking().ToDictionary(k => k.Id, k => k.Cell);
        var cellIds = keys.ToDictionary(k => k.Value, k => k.Key, StringComparer.Ordinal);
        var sums = new List<CellSum>();
        foreach (var edition in members.Values.Select(m => m.Edition).Distinct())
        {
            var ids = members.Where(m => m.Value.Edition == edition).Select(m => m.Key).ToArray();
            // From the year's summaries (an index) to each chosen report's rows in the covering index: the database reads
            // those reports' cells and nothing else (filtering every stored cell of every year against the ids is slower).
            var grouped = (from s in db.Set<ReportSummaryRow>().AsNoTracking()
                           where s.Year == year && EF.Parameter(ids).Contains(s.Id)
                           join c in db.Set<ReportSummaryCellRow>().AsNoTracking() on s.Id equals c.SummaryId
                           select c)
                .GroupBy(c => c.CellId)
                .Select(g => new { CellId = g.Key, Sum = g.Sum(c => c.Millionths), Numbers = g.Count() })
                .ToDictionary(g => g.CellId);
            var texts = db.Set<ReportSummaryTextRow>().AsNoTracking()
                .Where(c => EF.Parameter(ids).Contains(c.SummaryId))
                .GroupBy(c => c.CellId)
                .Select(g => new { CellId = g.Key, Texts = g.Count() })
                .ToDictionary(g => g.CellId, g => g.Texts);
            foreach (var cellId in grouped.Keys.Union(texts.Keys))
            {
                var g = grouped.GetValueOrDefault(cellId);
                if (keys.TryGetValue(cellId, out var text) && CellAddress.TryParse(text, out var cell))
                {
                    sums.Add(new CellSum(edition, cell, (g?.Sum ?? 0) / (decimal)ReportSummaryStore.Scale, g?.Numbers ?? 0, texts.GetValueOrDefault(cellId)));
                }
            }
        }

        return ReportRollup.FromSums(year, chosen.Select(c => members[c.Summary.Id]).ToArray(), sums, new StoredRollup(db, year, members, cellIds));
    }

    public IReadOnlyList<Contribution> Numbers(ReportEdition edition, CellAddress cell)
    {
        if (!cellIds.TryGetValue(cell.ToString(), out var id))
        {
            return [];
        }

        var ids = Of(edition);
        return (from s in db.Set<ReportSummaryRow>().AsNoTracking()
                where s.Year == year && EF.Parameter(ids).Contains(s.Id)
                join c in db.Set<ReportSummaryCellRow>().AsNoTracking() on s.Id equals c.SummaryId
                where c.CellId == id
                select c).ToList()
            .Select(c => new Contribution(members[c.SummaryId].Name, c.Millionths / (decimal)ReportSummaryStore.Scale)).ToArray();
    }

    public IReadOnlyList<(string Agency, string Text)> Texts(ReportEdition edition, CellAddress cell)
    {
        if (!cellIds.TryGetValue(cell.ToString(), out var id))
        {
            return [];
        }

        var ids = Of(edition);
        return db.Set<ReportSummaryTextRow>().AsNoTracking().Where(c => c.CellId == id && EF.Parameter(ids).Contains(c.SummaryId)).ToList()
            .Select(c => (members[c.SummaryId].Name, c.Text)).ToArray();
    }

    private long[] Of(ReportEdition edition) => members.Where(m => m.Value.Edition == edition).Select(m => m.Key).ToArray();
}
