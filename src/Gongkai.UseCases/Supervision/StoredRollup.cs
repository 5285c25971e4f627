using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The roll-up of stored summaries: the database adds up each cell (GROUP BY cell, SUM) over the reports chosen,
/// one query per layout, and answers who contributed to a figure one cell at a time; no report's JSON is read.
/// The contributors are looked up through <paramref name="db"/>, which must stay open while they are asked for; a request
/// loads them first with <see cref="LoadAsync"/> (issue 11 item 9: no synchronous database call on a request path), so
/// that the roll-up, which asks for them synchronously, finds them in memory.
/// </summary>
internal sealed class StoredRollup(GongkaiDbContext db, int year, IReadOnlyDictionary<long, RollupMember> members, IReadOnlyDictionary<string, int> cellIds) : IRollupCells
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Rollup, StoredRollup> Stored = [];

    private readonly Dictionary<(ReportEdition, int), IReadOnlyList<Contribution>> numbers = [];

    private readonly Dictionary<(ReportEdition, int), IReadOnlyList<(string Agency, string Text)>> texts = [];

    /// <summary>While set, <see cref="Numbers"/> only notes the cells asked for (see <see cref="LoadAsync"/>).</summary>
    private HashSet<(ReportEdition, int)>? wanted;

    private bool all;

    /// <summary>
    /// Loads the contributors of <paramref name="cell"/> (of every cell when null) of a roll-up built by <see cref="OfAsync"/>
    /// asynchronously, so that <see cref="Rollup.ContributorsOf"/> and <see cref="Rollup.Contributions"/> then read memory.
    /// </summary>
    public static async Task LoadAsync(Rollup? rollup, CellAddress? cell, CancellationToken cancellationToken = default)
    {
        if (rollup is null || !Stored.TryGetValue(rollup, out var stored))
        {
            return;
        }

        if (cell is not { } one)
        {
            await stored.LoadAsync(null, cancellationToken);
            stored.all = true;
            return;
        }

        // Asking once with the lookups switched off names the stored cells the figure is made of (the layouts' mapping
        // lives in the roll-up); those are then read in one query per layout.
        stored.wanted = [];
        try
        {
            rollup.ContributorsOf(one);
        }
        finally
        {
            (var asked, stored.wanted) = (stored.wanted, null);
            await stored.LoadAsync(asked, cancellationToken);
        }
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
            c => new RollupMember(c.Name, ReportEditions.TryParse(c.Summary.Edition, out var e) ? e : ReportEdition.Edition2021));
        var keys = await db.Set<ReportCellKeyRow>().AsNoTracking().ToDictionaryAsync(k => k.Id, k => k.Cell, cancellationToken);
        var cellIds = keys.ToDictionary(k => k.Value, k => k.Key, StringComparer.Ordinal);
        var sums = new List<CellSum>();
        foreach (var edition in members.Values.Select(m => m.Edition).Distinct())
        {
            var ids = members.Where(m => m.Value.Edition == edition).Select(m => m.Key).ToArray();
            var grouped = await CellsOf(db, year, ids)
                .GroupBy(c => c.CellId)
                .Select(g => new { CellId = g.Key, Sum = g.Sum(c => c.Millionths), Numbers = g.Count() })
                .ToDictionaryAsync(g => g.CellId, cancellationToken);
            var texts = await TextsOf(db, ids)
                .GroupBy(c => c.CellId)
                .Select(g => new { CellId = g.Key, Texts = g.Count() })
                .ToDictionaryAsync(g => g.CellId, g => g.Texts, cancellationToken);
            foreach (var cellId in grouped.Keys.Union(texts.Keys))
            {
                var g = grouped.GetValueOrDefault(cellId);
                if (keys.TryGetValue(cellId, out var text) && CellAddress.TryParse(text, out var cell))
                {
                    sums.Add(new CellSum(edition, cell, (g?.Sum ?? 0) / (decimal)ReportSummaryStore.Scale, g?.Numbers ?? 0, texts.GetValueOrDefault(cellId)));
                }
            }
        }

        var stored = new StoredRollup(db, year, members, cellIds);
        // What the roll-up asks for while it is built: table 二's text cells (noted, not added up) and, when 2019 reports
        // join a 2021 layout, their （六）其他处理.
        await stored.LoadTextsAsync(sums.Where(s => s.Texts > 0).Select(s => (s.Edition, cellIds.GetValueOrDefault(s.Cell.ToString()))).ToHashSet(), cancellationToken);
        var other2019 = CellAddress.Applications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Total).ToString();
        if (members.Values.Any(m => m.Edition == ReportEdition.Edition2019) && cellIds.TryGetValue(other2019, out var otherId))
        {
            await stored.LoadAsync([(ReportEdition.Edition2019, otherId)], cancellationToken);
        }

        var rollup = ReportRollup.FromSums(year, chosen.Select(c => members[c.Summary.Id]).ToArray(), sums, stored);
        Stored.AddOrUpdate(rollup, stored);
        return rollup;
    }

    /// <summary>Reads the numbers of <paramref name="cells"/> (every cell when null) of the chosen reports into memory.</summary>
    private async Task LoadAsync(HashSet<(ReportEdition Edition, int Cell)>? cells, CancellationToken cancellationToken)
    {
        foreach (var edition in members.Values.Select(m => m.Edition).Distinct())
        {
            var ids = Of(edition);
            var wantedIds = cells?.Where(c => c.Edition == edition && !numbers.ContainsKey(c)).Select(c => c.Cell).ToArray();
            if (wantedIds is { Length: 0 })
            {
                continue;
            }

            var rows = await CellsOf(db, year, ids).Where(c => wantedIds == null || wantedIds.Contains(c.CellId)).ToListAsync(cancellationToken);
            var byCell = rows.GroupBy(c => c.CellId).ToDictionary(g => g.Key, g => g.Select(ToContribution).ToArray());
            foreach (var id in wantedIds ?? [.. byCell.Keys])
            {
                numbers[(edition, id)] = byCell.TryGetValue(id, out var list) ? list : [];
            }
        }
    }

    private async Task LoadTextsAsync(HashSet<(ReportEdition Edition, int Cell)> cells, CancellationToken cancellationToken)
    {
        foreach (var group in cells.GroupBy(c => c.Edition))
        {
            var ids = Of(group.Key);
            var wantedIds = group.Select(c => c.Cell).ToArray();
            var rows = await TextsOf(db, ids).Where(c => wantedIds.Contains(c.CellId)).ToListAsync(cancellationToken);
            foreach (var id in wantedIds)
            {
                texts[(group.Key, id)] = rows.Where(c => c.CellId == id).Select(c => (members[c.SummaryId].Name, c.Text)).ToArray();
            }
        }
    }

    public IReadOnlyList<Contribution> Numbers(ReportEdition edition, CellAddress cell)
    {
        if (!cellIds.TryGetValue(cell.ToString(), out var id))
        {
            return [];
        }

        if (numbers.TryGetValue((edition, id), out var loaded))
        {
            return loaded;
        }

        if (all)
        {
            return [];
        }

        if (wanted is not null)
        {
            wanted.Add((edition, id));
            return [];
        }

        // Not loaded first (the command line): looked up now.
        var ids = Of(edition);
        return CellsOf(db, year, ids).Where(c => c.CellId == id).ToList().Select(ToContribution).ToArray();
    }

    public IReadOnlyList<(string Agency, string Text)> Texts(ReportEdition edition, CellAddress cell)
    {
        if (!cellIds.TryGetValue(cell.ToString(), out var id))
        {
            return [];
        }

        if (texts.TryGetValue((edition, id), out var loaded))
        {
            return loaded;
        }

        var ids = Of(edition);
        return TextsOf(db, ids).Where(c => c.CellId == id).ToList()
            .Select(c => (members[c.SummaryId].Name, c.Text)).ToArray();
    }

    /// <summary>
    /// The stored numbers of the reports <paramref name="ids"/>: from the year's summaries (an index) to each report's rows
    /// in the covering index, so the database reads those reports' cells and nothing else (filtering every stored cell of
    /// every year against the ids is slower).
    /// </summary>
    private static IQueryable<ReportSummaryCellRow> CellsOf(GongkaiDbContext db, int year, long[] ids) =>
        from s in db.Set<ReportSummaryRow>().AsNoTracking()
        where s.Year == year && EF.Parameter(ids).Contains(s.Id)
        join c in db.Set<ReportSummaryCellRow>().AsNoTracking() on s.Id equals c.SummaryId
        select c;

    private static IQueryable<ReportSummaryTextRow> TextsOf(GongkaiDbContext db, long[] ids) =>
        db.Set<ReportSummaryTextRow>().AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.SummaryId));

    private Contribution ToContribution(ReportSummaryCellRow c) => new(members[c.SummaryId].Name, c.Millionths / (decimal)ReportSummaryStore.Scale);

    private long[] Of(ReportEdition edition) => members.Where(m => m.Value.Edition == edition).Select(m => m.Key).ToArray();
}
