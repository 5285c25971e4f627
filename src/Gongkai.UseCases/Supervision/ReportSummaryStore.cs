using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Keeps report_summaries (and their cells, <see cref="SummaryCells"/>) in step with the reports they summarise: the latest published version of
/// an agency's report for a year, else its current collected reading. Called when a report is published or collected
/// and before every overview, which brings anything stale (a newer version, a new year-on-year comparison, a report
/// written before summaries existed) up to date, so no writer can leave the overview wrong.
/// </summary>
public static class ReportSummaryStore
{
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
    /// <param name="knownCellIds">Cell ids already committed (<see cref="SummaryCells.KnownAsync"/>), else read in the transaction.</param>
    internal static async Task<IReadOnlyDictionary<string, ReportSummaryRow>> RefreshAsync(
        GongkaiDbContext db, int year, IReadOnlyCollection<AgencyInfo> agencies, IReadOnlyDictionary<long, JustCollected>? justCollected,
        CancellationToken cancellationToken, CellIds? knownCellIds = null)
    {
        // Inside a caller's transaction a failed statement aborts it on PostgreSQL (every later one fails with 25P02):
        // the retry starts from a savepoint taken before the first try.
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            await transaction.CreateSavepointAsync(SummarySavepoint, cancellationToken);
        }

        try
        {
            return await RefreshOnceAsync(db, year, agencies, justCollected, knownCellIds, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request summarised the same report at the same moment: its rows are as good as ours.
            if (transaction is not null)
            {
                await transaction.RollbackToSavepointAsync(SummarySavepoint, cancellationToken);
            }

            db.ChangeTracker.Clear();
            return await RefreshOnceAsync(db, year, agencies, justCollected, knownCellIds, cancellationToken);
        }
    }

    private const string SummarySavepoint = "summary_refresh";

    private static async Task<Dictionary<string, ReportSummaryRow>> RefreshOnceAsync(
        GongkaiDbContext db, int year, IReadOnlyCollection<AgencyInfo> agencies, IReadOnlyDictionary<long, JustCollected>? justCollected,
        CellIds? knownCellIds, CancellationToken cancellationToken)
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
        CellIds? knownCellIds, CancellationToken cancellationToken)
    {
        var old = written.Where(w => summaries.ContainsKey(w.Row.AgencyCode)).Select(w => summaries[w.Row.AgencyCode].Id).ToList();
        if (db.Database.CurrentTransaction is not null)
        {
            await WriteRowsAsync(db, old, written, knownCellIds, cancellationToken);
        }
        else
        {
            // A summary is replaced together with its cells or not at all.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await WriteRowsAsync(db, old, written, knownCellIds, cancellationToken);
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
        CellIds? knownCellIds, CancellationToken cancellationToken)
    {
        await DeleteAsync(db, old, cancellationToken);
        var stored = written.Select(w => w.Stored).ToArray();
        if (stored.Any(x => x is null))
        {
            // Packed here (on all cores) unless the caller did it already.
            var ids = knownCellIds ?? await SummaryCells.IdsAsync(db, cancellationToken);
            stored = written.AsParallel().AsOrdered().Select(w => w.Stored ?? SummaryCells.Pack(w.Report, ids)).ToArray();
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

