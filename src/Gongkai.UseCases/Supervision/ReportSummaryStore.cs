using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Supervision;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Keeps report_summaries (and their cells) in step with the reports they summarise: the latest published version of
/// an agency's report for a year, else its current collected reading. Called when a report is published or collected
/// and before every overview, which brings anything stale (a newer version, a new year-on-year comparison, a report
/// written before summaries existed) up to date, so no writer can leave the overview wrong.
/// </summary>
public static class ReportSummaryStore
{
    /// <summary>Numbers are stored as whole millionths, so table 二's fee amounts add up exactly.</summary>
    public const long Scale = 1_000_000;

    /// <summary>Up to this many agencies, a refresh reads their rows by code rather than the whole year's.</summary>
    private const int FewAgencies = 200;

    /// <summary>The summaries of <paramref name="agencies"/> for <paramref name="year"/>, brought up to date, by agency code.</summary>
    public static Task<IReadOnlyDictionary<string, ReportSummaryRow>> RefreshAsync(GongkaiDbContext db, int year, IReadOnlyCollection<AgencyInfo> agencies, CancellationToken cancellationToken = default) =>
        RefreshAsync(db, year, agencies, null, cancellationToken);

    /// <summary>
    /// As <see cref="RefreshAsync(GongkaiDbContext, int, IReadOnlyCollection{AgencyInfo}, CancellationToken)"/>, given
    /// collected readings just written (by id) with their reports still in memory: a summary of one of them is written
    /// from that report instead of reading its JSON back and parsing it again. What is stale is decided exactly as
    /// without them (a published version still wins), and the rows written are the same.
    /// </summary>
    /// <param name="knownCellIds">Cell ids already committed (<see cref="KnownCellIdsAsync"/>): when every cell written is among them, they are not read again.</param>
    internal static async Task<IReadOnlyDictionary<string, ReportSummaryRow>> RefreshAsync(
        GongkaiDbContext db, int year, IReadOnlyCollection<AgencyInfo> agencies, IReadOnlyDictionary<long, JustCollected>? justCollected,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, int>? knownCellIds = null)
    {
        try
        {
            return await RefreshOnceAsync(db, year, agencies, justCollected, knownCellIds, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request summarised the same report at the same moment: its rows are as good as ours.
            db.ChangeTracker.Clear();
            return await RefreshOnceAsync(db, year, agencies, justCollected, knownCellIds, cancellationToken);
        }
    }

    /// <summary>The filled cells of a report as stored: address text, whole millionths or text (<see cref="Cells"/>).</summary>
    public static List<(string Cell, long? Millionths, string? Text)> StoredCells(AnnualReport report) =>
        Cells(report).Select(c => (c.Cell.ToString(), c.Millionths, c.Text)).ToList();

    /// <summary>
    /// A report's cells as a summary stores them, numbers packed (<see cref="PackedCells"/>) and texts by cell id; null
    /// when a cell has no id in <paramref name="ids"/>. Pure, so a collect makes it on the reading cores.
    /// </summary>
    internal static StoredNumbers? Pack(IReadOnlyList<(string Cell, long? Millionths, string? Text)> cells, IReadOnlyDictionary<string, int> ids)
    {
        var numbers = new List<(int, long)>(cells.Count);
        var texts = new List<(int, string)>();
        foreach (var (cell, millionths, text) in cells)
        {
            if (!ids.TryGetValue(cell, out var id))
            {
                return null;
            }

            if (millionths is { } m)
            {
                numbers.Add((id, m));
            }
            else
            {
                texts.Add((id, text!));
            }
        }

        return new StoredNumbers(PackedCells.Pack(numbers), texts);
    }

    /// <summary>
    /// The id of every cell either layout can fill, numbering (and committing, in a transaction of its own) those not
    /// seen before. Ids are never changed or removed, so a collector reads them once and keeps them.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, int>> KnownCellIdsAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            // Ids numbered in a transaction that is later rolled back would be kept by the caller and given to other cells.
            throw new InvalidOperationException("KnownCellIdsAsync commits on its own: call it outside a transaction.");
        }

        var every = new[] { ReportEdition.Edition2019, ReportEdition.Edition2021 }.SelectMany(e => EveryCell(new AnnualReport(e).Schema)).ToList();
        try
        {
            return await CellIdsAsync(db, every, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer numbered the same cells at the same moment: read theirs.
            db.ChangeTracker.Clear();
            return await CellIdsAsync(db, every, cancellationToken);
        }
    }

    /// <summary>
    /// The ids of <see cref="EveryCell"/> of <paramref name="schema"/>, in that order, for <see cref="Pack(AnnualReport, int[])"/>;
    /// null when one has no id in <paramref name="ids"/>.
    /// </summary>
    internal static int[]? IdsInOrder(ReportSchema schema, IReadOnlyDictionary<string, int> ids)
    {
        var inOrder = new List<int>();
        foreach (var cell in EveryCell(schema))
        {
            if (!ids.TryGetValue(cell, out var id))
            {
                return null;
            }

            inOrder.Add(id);
        }

        return [.. inOrder];
    }

    /// <summary>
    /// As <see cref="Pack(IReadOnlyList{ValueTuple{string, long?, string?}}, IReadOnlyDictionary{string, int})"/> of the
    /// report's <see cref="StoredCells"/>, without writing out any address: <paramref name="idsInOrder"/> gives the id of
    /// each cell of the report's layout in <see cref="EveryCell"/> order (<see cref="IdsInOrder"/>), which is the order
    /// <see cref="Cells"/> visits them.
    /// </summary>
    internal static StoredNumbers Pack(AnnualReport report, int[] idsInOrder)
    {
        var schema = report.Schema;
        var numbers = new List<(int, long)>(idsInOrder.Length);
        var texts = new List<(int, string)>();
        var k = 0;
        foreach (var key in schema.ProactiveKeys)
        {
            var value = report.GetProactive(key);
            if (value.IsNumber && TryMillionths(value.Number, out var millionths))
            {
                numbers.Add((idsInOrder[k], millionths));
            }
            else if (!value.IsBlank)
            {
                texts.Add((idsInOrder[k], AsText(value)));
            }

            k++;
        }

        foreach (var (_, _, value) in report.ApplicationCells())
        {
            if (value is { } v)
            {
                numbers.Add((idsInOrder[k], v * Scale));
            }

            k++;
        }

        foreach (var column in schema.ReviewColumns)
        {
            if (report.GetReview(column.Key) is { } v)
            {
                numbers.Add((idsInOrder[k], v * Scale));
            }

            k++;
        }

        return new StoredNumbers(PackedCells.Pack(numbers), texts);
    }

    /// <summary>Every cell of tables 二, 三 and 四 a report in <paramref name="schema"/> can fill, as <see cref="Cells"/> names them.</summary>
    public static IEnumerable<string> EveryCell(ReportSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.ProactiveKeys.Select(k => CellAddress.Proactive(k).ToString())
            .Concat(schema.ApplicationDataRows.SelectMany(r => ApplicantColumns.All.Select(c => CellAddress.Applications(r.Key!, c).ToString())))
            .Concat(schema.ReviewColumns.Select(c => CellAddress.Review(c.Key).ToString()));
    }

    /// <summary>The filled cells of tables 二, 三 and 四 of a report, as stored.</summary>
    public static IEnumerable<(CellAddress Cell, long? Millionths, string? Text)> Cells(AnnualReport report)
    {
        foreach (var key in report.Schema.ProactiveKeys)
        {
            var value = report.GetProactive(key);
            if (value.IsNumber && TryMillionths(value.Number, out var millionths))
            {
                yield return (CellAddress.Proactive(key), millionths, null);
            }
            else if (!value.IsBlank)
            {
                yield return (CellAddress.Proactive(key), null, AsText(value));
            }
        }

        foreach (var (row, column, value) in report.ApplicationCells())
        {
            if (value is { } v)
            {
                yield return (CellAddress.Applications(row, column), v * Scale, null);
            }
        }

        foreach (var column in report.Schema.ReviewColumns)
        {
            if (report.GetReview(column.Key) is { } v)
            {
                yield return (CellAddress.Review(column.Key), v * Scale, null);
            }
        }
    }

    /// <summary>The id of every cell address, numbering the ones not seen before.</summary>
    public static async Task<Dictionary<string, int>> CellIdsAsync(GongkaiDbContext db, IEnumerable<string> needed, CancellationToken cancellationToken = default)
    {
        var ids = await db.Set<ReportCellKeyRow>().AsNoTracking().ToDictionaryAsync(k => k.Cell, k => k.Id, StringComparer.Ordinal, cancellationToken);
        var added = needed.Where(c => !ids.ContainsKey(c)).Distinct(StringComparer.Ordinal).Select(c => new ReportCellKeyRow { Cell = c }).ToList();
        if (added.Count > 0)
        {
            db.Set<ReportCellKeyRow>().AddRange(added);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var k in added)
            {
                ids[k.Cell] = k.Id;
            }

            db.ChangeTracker.Clear();
        }

        return ids;
    }

    /// <summary>
    /// The number as whole millionths, when they fit in 64 bits (|n| ≤ 9×10¹²); a larger one (a misprint such as
    /// 10000000000000 in table 二 is read as a number) is kept as text, which the roll-up reports (GK5005) and does not
    /// add, instead of failing the collect or the overview.
    /// </summary>
    private static bool TryMillionths(decimal number, out long millionths)
    {
        const decimal Largest = 9_000_000_000_000m;
        millionths = number is <= Largest and >= -Largest ? (long)decimal.Round(number * Scale, 0, MidpointRounding.ToEven) : 0;
        return number is <= Largest and >= -Largest;
    }

    /// <summary>A table 二 cell kept as text: what the report wrote, or a number too large to add up, marked so.</summary>
    private static string AsText(CellValue value) =>
        value.IsNumber ? value.Number.ToString(CultureInfo.InvariantCulture) + "（数值过大，未计入汇总）" : value.Text!;

    private static async Task<Dictionary<string, ReportSummaryRow>> RefreshOnceAsync(
        GongkaiDbContext db, int year, IReadOnlyCollection<AgencyInfo> agencies, IReadOnlyDictionary<long, JustCollected>? justCollected,
        IReadOnlyDictionary<string, int>? knownCellIds, CancellationToken cancellationToken)
    {
        var byCode = agencies.ToDictionary(a => a.Code, StringComparer.Ordinal);
        // A few agencies (a publication, a collect batch) are looked up by code; many (an overview) by year alone, then
        // picked here: one index range either way, and a batch does not read the whole year's rows.
        var few = agencies.Count <= FewAgencies ? agencies.Select(a => a.Code).ToArray() : null;
        var versionRows = db.ReportVersions.AsNoTracking().Where(v => v.Year == year || v.Year == year - 1);
        var collectedRows = db.CollectedReports.AsNoTracking().Where(r => r.Year == year && r.Current);
        var summaryRows = db.Set<ReportSummaryRow>().AsNoTracking().Where(s => s.Year == year);
        if (few is not null)
        {
            versionRows = versionRows.Where(v => few.Contains(v.AgencyCode));
            collectedRows = collectedRows.Where(r => few.Contains(r.AgencyCode));
            summaryRows = summaryRows.Where(s => few.Contains(s.AgencyCode));
        }

        var versions = (await versionRows
            .Select(v => new { v.Id, v.AgencyCode, v.Year, v.Number, v.PublishedAtUtcTicks }).ToListAsync(cancellationToken))
            .Where(v => byCode.ContainsKey(v.AgencyCode)).ToList();
        var published = versions.Where(v => v.Year == year).GroupBy(v => v.AgencyCode).ToDictionary(
            g => g.Key, g => (g.MaxBy(v => v.Number)!.Id, FirstOn: ChinaDate.Of(new DateTimeOffset(g.Min(v => v.PublishedAtUtcTicks), TimeSpan.Zero))), StringComparer.Ordinal);
        var previous = versions.Where(v => v.Year == year - 1).GroupBy(v => v.AgencyCode)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id, StringComparer.Ordinal);
        var collected = (await collectedRows.Select(r => new { r.Id, r.AgencyCode }).ToListAsync(cancellationToken))
            .Where(r => byCode.ContainsKey(r.AgencyCode)).ToDictionary(r => r.AgencyCode, r => r.Id, StringComparer.Ordinal);
        var summaries = (await summaryRows.ToListAsync(cancellationToken))
            .Where(s => byCode.ContainsKey(s.AgencyCode)).ToDictionary(s => s.AgencyCode, StringComparer.Ordinal);

        var gone = new List<long>();
        var stalePublished = new List<(AgencyInfo Agency, long Id, long? Previous, DateOnly FirstOn)>();
        var staleCollected = new List<(AgencyInfo Agency, long Id)>();
        foreach (var a in agencies)
        {
            summaries.TryGetValue(a.Code, out var s);
            if (published.TryGetValue(a.Code, out var p))
            {
                var before = previous.TryGetValue(a.Code, out var b) ? b : (long?)null;
                if (s is null || s.Source != ReportSummaryRow.Published || s.SourceId != p.Id || s.PreviousId != before)
                {
                    stalePublished.Add((a, p.Id, before, p.FirstOn));
                }
            }
            else if (collected.TryGetValue(a.Code, out var c))
            {
                if (s is null || s.Source != ReportSummaryRow.Collected || s.SourceId != c)
                {
                    staleCollected.Add((a, c));
                }
            }
            else if (s is not null)
            {
                gone.Add(s.Id);
                summaries.Remove(a.Code);
            }
        }

        if (gone.Count == 0 && stalePublished.Count == 0 && staleCollected.Count == 0)
        {
            return summaries;
        }

        await DeleteAsync(db, gone, cancellationToken);
        var validator = new ReportValidator();
        foreach (var chunk in stalePublished.Chunk(100))
        {
            var ids = chunk.Select(c => c.Id).Concat(chunk.Where(c => c.Previous is not null).Select(c => c.Previous!.Value)).ToList();
            var json = await db.ReportVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Json }).ToDictionaryAsync(v => v.Id, v => v.Json, cancellationToken);
            var written = chunk.Select(c =>
            {
                var report = CanonicalJsonReader.Read(json[c.Id]).Report!;
                var last = c.Previous is { } pid ? CanonicalJsonReader.Read(json[pid]).Report : null;
                var late = PublicationDeadline.IsLate(year, c.Agency.Kind == AgencyKind.Government, c.FirstOn, c.FirstOn);
                var figures = ReportFigures.Of(report, [], validator, last, late);
                return (new ReportSummaryRow
                {
                    AgencyCode = c.Agency.Code,
                    Year = year,
                    Source = ReportSummaryRow.Published,
                    SourceId = c.Id,
                    PreviousId = c.Previous,
                    Edition = report.Edition.ToCode(),
                    PublishedOn = c.FirstOn,
                    Late = late,
                    Errors = figures.Errors,
                    Warnings = figures.Warnings,
                    Score = figures.Score,
                }, report, (StoredNumbers?)null);
            }).ToList();
            await WriteAsync(db, summaries, written, knownCellIds, cancellationToken);
        }

        foreach (var chunk in staleCollected.Chunk(100))
        {
            var ids = chunk.Select(c => c.Id).Where(id => justCollected?.ContainsKey(id) != true).ToList();
            var rows = ids.Count == 0 ? [] : await db.CollectedReports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            var readings = rows.Select(r => new JustCollected(r, CanonicalJsonReader.Read(r.Json).Report!, null))
                .Concat(chunk.Where(c => justCollected?.ContainsKey(c.Id) == true).Select(c => justCollected![c.Id]));
            await WriteAsync(db, summaries, readings.Select(reading =>
            {
                var (r, report, stored) = reading;
                return (new ReportSummaryRow
                {
                    AgencyCode = r.AgencyCode,
                    Year = year,
                    Source = ReportSummaryRow.Collected,
                    SourceId = r.Id,
                    Edition = report.Edition.ToCode(),
                    PublishedOn = r.PublishedOn,
                    Late = r.Late,
                    Errors = r.Errors,
                    Warnings = r.Warnings,
                    Uncertain = r.Uncertain,
                    Score = r.Score,
                }, report, stored);
            }).ToList(), knownCellIds, cancellationToken);
        }

        return summaries;
    }

    private static async Task WriteAsync(
        GongkaiDbContext db, Dictionary<string, ReportSummaryRow> summaries, List<(ReportSummaryRow Row, AnnualReport Report, StoredNumbers? Stored)> written,
        IReadOnlyDictionary<string, int>? knownCellIds, CancellationToken cancellationToken)
    {
        // Each cell's address written out once (here, on all cores), not once per lookup.
        var cells = written.All(w => w.Stored is not null)
            ? written.Select(_ => (List<(string, long?, string?)>?)null).ToList()
            : written.AsParallel().AsOrdered().Select(w => w.Stored is null ? StoredCells(w.Report) : null).ToList();
        var old = written.Where(w => summaries.ContainsKey(w.Row.AgencyCode)).Select(w => summaries[w.Row.AgencyCode].Id).ToList();
        if (db.Database.CurrentTransaction is not null)
        {
            await WriteRowsAsync(db, old, written, cells, knownCellIds, cancellationToken);
        }
        else
        {
            // A summary is replaced together with its cells or not at all.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await WriteRowsAsync(db, old, written, cells, knownCellIds, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }

        foreach (var (row, _, _) in written)
        {
            summaries[row.AgencyCode] = row;
        }

        db.ChangeTracker.Clear();
    }

    private static async Task WriteRowsAsync(
        GongkaiDbContext db, List<long> old, List<(ReportSummaryRow Row, AnnualReport Report, StoredNumbers? Stored)> written,
        List<List<(string Cell, long? Millionths, string? Text)>?> cells, IReadOnlyDictionary<string, int>? knownCellIds, CancellationToken cancellationToken)
    {
        await DeleteAsync(db, old, cancellationToken);
        var stored = written.Select(w => w.Stored).ToArray();
        if (stored.Any(x => x is null))
        {
            var toPack = cells.OfType<List<(string Cell, long? Millionths, string? Text)>>().ToList();
            var ids = knownCellIds is not null && toPack.All(r => r.All(c => knownCellIds.ContainsKey(c.Cell)))
                ? knownCellIds
                : await CellIdsAsync(db, toPack.SelectMany(c => c).Select(c => c.Cell), cancellationToken);
            for (var i = 0; i < stored.Length; i++)
            {
                stored[i] ??= Pack(cells[i]!, ids) ?? throw new InvalidOperationException("A cell has no id.");
            }
        }

        await PreparedInsert.InsertAsync(db, written.Select(w => w.Row).ToList(), cancellationToken);
        var numbers = written.Select((w, i) => new ReportSummaryNumbersRow { SummaryId = w.Row.Id, Cells = stored[i]!.Numbers }).ToList();
        var texts = written.SelectMany((w, i) => stored[i]!.Texts.Select(t => new ReportSummaryTextRow { SummaryId = w.Row.Id, CellId = t.Cell, Text = t.Text })).ToList();
        await PreparedInsert.InsertAsync(db, numbers, cancellationToken);
        await PreparedInsert.InsertAsync(db, texts, cancellationToken);
    }

    private static async Task DeleteAsync(GongkaiDbContext db, List<long> summaryIds, CancellationToken cancellationToken)
    {
        if (summaryIds.Count == 0)
        {
            return;
        }

        await db.Set<ReportSummaryNumbersRow>().Where(c => summaryIds.Contains(c.SummaryId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReportSummaryTextRow>().Where(c => summaryIds.Contains(c.SummaryId)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ReportSummaryRow>().Where(s => summaryIds.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>A collected reading just written, with its report (and, when already made, its cells as stored) still in memory.</summary>
internal sealed record JustCollected(CollectedReportRow Row, AnnualReport Report, StoredNumbers? Stored);

/// <summary>A report's cells as a summary stores them: the numbers packed (<see cref="PackedCells"/>), the texts by cell id.</summary>
internal sealed record StoredNumbers(byte[] Numbers, IReadOnlyList<(int Cell, string Text)> Texts);
