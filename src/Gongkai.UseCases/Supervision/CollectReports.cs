using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// 收集年报 — a supervising office files the published reports of agencies that do not use Gongkai: each
/// file is imported, validated, and filed under the agency beneath the office whose name it carries, or under
/// a new agency (kind 其他, parent the office) when none matches. The file is kept byte for byte.
/// </summary>
/// <remarks>
/// Close to the batch importer's speed (docs/supervision.md has the figures): files are read on all cores (the importer is pure), up to <see cref="ReadAhead"/>
/// batches ahead of the writer, then written <see cref="BatchSize"/> at a time, each batch in one transaction with the
/// agencies, last year's reports, numbers and earlier copies looked up once for the batch. Nothing is parsed twice:
/// last year's reading filed earlier by the same instance and the summaries of the readings just filed come from the
/// reports in memory; sources, readings and summaries go in through one prepared INSERT each (<see cref="PreparedInsert"/>). A batch is all or nothing: a file is either fully collected
/// (source, reading, summary and a new agency if it needed one) or not at all; the outcomes of a batch are returned
/// (and the command line prints them) only once it is committed. Files are decided in the order given, exactly as
/// one at a time: the first of two reports naming a new agency creates it and the second is filed under it, the
/// second copy of a file is a duplicate, and a report is checked against last year's reading collected earlier in
/// the same run.
/// </remarks>
public sealed class CollectReports(GongkaiDbContext db, TimeProvider time)
{
    /// <summary>Files written in one transaction.</summary>
    public const int BatchSize = 100;

    /// <summary>Batches read and waiting to be written, at most (memory: their files and reports).</summary>
    private const int ReadAhead = 2;

    /// <summary>
    /// The current readings filed by this instance's earlier batches, by agency and year, with their reports still in
    /// memory: last year's report of a file is taken from here, rather than read back and parsed, while its id is still
    /// the current one. One entry per agency and year, so it grows with the agencies, not the files.
    /// </summary>
    private readonly Dictionary<(string, int), (long Id, AnnualReport Report)> _filed = [];

    /// <summary>One validator for the whole run: a file's findings by the rules that do not read last year's report are made by it on the reading cores and completed by it in the batch.</summary>
    private readonly ReportValidator _validator = new();

    /// <summary>The id of every cell a summary can hold, read (and numbered when new) once per run.</summary>
    private CellIds? _cellIds;

    public sealed record SourceFile(string FileName, byte[] Bytes);

    /// <summary>
    /// The importer a file is read with. Tests put one in that throws, to show that a bug on one file refuses that file
    /// (as the batch importer records it) and the others are collected: no real input is known to make the importer throw.
    /// </summary>
    internal Func<byte[], ReadResult> Reader { get; init; } = ReportFileReader.Read;

    public sealed record Result(string? Error, IReadOnlyList<CollectOutcome> Files);

    /// <summary>
    /// A file as read (on any core): its report, canonical JSON, the findings of the rules that do not read last year's
    /// report and its cells as a summary stores them; or why it is refused before any lookup.
    /// </summary>
    private sealed record Read(
        SourceFile File, string Sha, AnnualReport? Report, string? Json, IReadOnlyList<Diagnostic> Diagnostics, CollectOutcome? Refused,
        PartialValidation? CheckedAlone = null, StoredNumbers? Stored = null);

    public async Task<Result> CollectAsync(string under, IReadOnlyList<SourceFile> files, int? year, string collectedBy, DateOnly? publishedOn = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var outcomes = new List<CollectOutcome>(files.Count);
        var error = await CollectAsync(under, files, year, collectedBy, publishedOn, (batch, _) =>
        {
            outcomes.AddRange(batch);
            return Task.CompletedTask;
        }, cancellationToken);
        return new Result(error, outcomes);
    }

    /// <summary>
    /// Collects <paramref name="files"/> as they are enumerated (on another thread, <see cref="ReadAhead"/> batches ahead
    /// of the writer, so only those batches' bytes are in memory), and hands each batch's outcomes, in order, to
    /// <paramref name="committed"/> once its transaction is committed.
    /// </summary>
    /// <returns>Null, or why nothing was collected (no agency <paramref name="under"/>).</returns>
    public async Task<string?> CollectAsync(
        string under, IEnumerable<SourceFile> files, int? year, string collectedBy, DateOnly? publishedOn,
        Func<IReadOnlyList<CollectOutcome>, CancellationToken, Task> committed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(committed);
        if (await new AgencyDirectory(db).FindAsync(under, cancellationToken) is not { } office)
        {
            return $"机关“{under}”不存在。";
        }

        under = office.Code;
        if (publishedOn is { } on && PublicationDeadline.Problem(on, null, Time.ChinaDate.Today(time)) is { } future)
        {
            return future;
        }

        _cellIds ??= await SummaryCells.KnownAsync(db, cancellationToken);
        // Batches are read ahead on all cores (the importer is pure) while one is written: the cores stay busy while the
        // writer waits on the database.
        var read = Channel.CreateBounded<Read[]>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var batch in files.Chunk(BatchSize))
                {
                    await read.Writer.WriteAsync(ReadAll(batch, year, publishedOn), stop.Token);
                }
            }
            finally
            {
                read.Writer.Complete();
            }
        }, stop.Token);
        try
        {
            while (await read.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = await read.Reader.ReadAsync(cancellationToken);
                // A retrying execution strategy (PostgreSQL) refuses a user transaction outside it; the whole batch is retried,
                // and everything it decides is looked up inside it, so a retry decides afresh.
                await committed(await db.Database.CreateExecutionStrategy().ExecuteAsync(() => WriteBatchAsync(under, batch, collectedBy, publishedOn, cancellationToken)), cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await reader;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The writer stopped first (failure or cancellation); what it threw is what the caller sees.
            }
        }

        return null;
    }

    private Read[] ReadAll(SourceFile[] batch, int? year, DateOnly? publishedOn)
    {
        var read = new Read[batch.Length];
        Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => read[i] = ReadOne(batch[i], year, publishedOn));
        return read;
    }

    private Read ReadOne(SourceFile file, int? year, DateOnly? publishedOn)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
        try
        {
            return ReadOne(file, sha, year, publishedOn);
        }
#pragma warning disable CA1031 // As the batch importer: a bug on one input is recorded against that file and never stops the collect.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new Read(file, sha, null, null, [], CollectOutcome.Refused(file.FileName, CollectStatus.Unreadable, $"无法读取：内部错误（请报告此问题）：{ex.GetType().Name}: {ex.Message}"));
        }
    }

    private Read ReadOne(SourceFile file, string sha, int? year, DateOnly? publishedOn)
    {
        var read = Reader(file.Bytes);
        if (read.Report is not { } report)
        {
            // The importer's message says 无法读取文件：… for a file it cannot open; other refusals (no headings, a report in
            // the 2008 layout) get the prefix.
            var why = string.Join("；", read.Diagnostics.Select(d => d.Message));
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.Unreadable, why.StartsWith("无法读取", StringComparison.Ordinal) ? why : "无法读取：" + why));
        }

        if (report.Year is { } printed && year is { } asked && printed != asked)
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.WrongYear, $"报告是 {printed} 年度的，不是 {asked} 年度"));
        }

        report.Year ??= year;
        if (report.Year is null)
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.NoYear, "报告未写明年度，请指定年度"));
        }

        if (publishedOn is { } on && on < new DateOnly(report.Year.Value + 1, 1, 1))
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.WrongYear, PublicationDeadline.Problem(on, report.Year, on)!));
        }

        if (string.IsNullOrWhiteSpace(report.Agency))
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.NoAgency, "报告未写明机关名称，无法归档"));
        }

        return new Read(file, sha, report, CanonicalJsonWriter.Write(report), read.Diagnostics, null, _validator.ValidateAlone(report), SummaryCells.Pack(report, _cellIds!));

        Read Refuse(CollectOutcome outcome) => new(file, sha, null, null, [], outcome);
    }

    private async Task<List<CollectOutcome>> WriteBatchAsync(string under, Read[] files, string collectedBy, DateOnly? publishedOn, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var directory = new AgencyDirectory(db);
        var all = await directory.ListAsync(cancellationToken);
        var codes = all.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var office = all.Single(a => a.Code == under);
        var byName = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        foreach (var a in AgencyDirectory.Beneath(all, under))
        {
            byName.TryAdd(Normalise(a.Name), a);
        }

        // The office itself and those above it are not beneath it: a report naming one of them is refused, not filed under
        // a new agency of the same name (the office's own report is not one it collects from beneath).
        var above = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        var byCode = all.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var at = office;
        while (at is not null && above.TryAdd(Normalise(at.Name), at))
        {
            at = at.Parent is { } parent ? byCode.GetValueOrDefault(parent) : null;
        }

        // The agency of each file, in order; an agency made here is found by the files after it. The new ones are added
        // together once every file has its agency; a refused one refuses every file that named it.
        var outcomes = new CollectOutcome?[files.Length];
        var agencies = new AgencyInfo?[files.Length];
        var created = new bool[files.Length];
        var made = new List<(string Code, string Name)>();
        for (var i = 0; i < files.Length; i++)
        {
            if (files[i].Refused is { } refused)
            {
                outcomes[i] = refused;
                continue;
            }

            var name = Normalise(files[i].Report!.Agency!);
            if (byName.TryGetValue(name, out var agency))
            {
                agencies[i] = agency;
                continue;
            }

            if (above.TryGetValue(name, out var notBeneath))
            {
                outcomes[i] = CollectOutcome.Refused(files[i].File.FileName, CollectStatus.NoAgency,
                    $"报告的机关“{notBeneath.Name}”（{notBeneath.Code}）是{(notBeneath.Code == under ? "收集机关本身" : "收集机关的上级机关")}，不是其下属机关，未归档");
                continue;
            }

            // As AddUnderAsync makes it: a 其他 agency at its parent's level (the office's is in the list).
            var code = NewCode(codes, under);
            agencies[i] = byName[name] = new AgencyInfo(code, files[i].Report!.Agency!.Trim(), office.Level, AgencyKind.Other, under, null);
            made.Add((code, agencies[i]!.Name));
            codes.Add(code);
            created[i] = true;
        }

        if (made.Count > 0)
        {
            var refusals = await directory.AddUnderAsync(office, made, AgencyKind.Other, cancellationToken);
            var refusedCodes = made.Zip(refusals).Where(m => m.Second is not null).ToDictionary(m => m.First.Code, m => m.Second!, StringComparer.Ordinal);
            for (var i = 0; i < files.Length; i++)
            {
                if (agencies[i] is { } a && refusedCodes.TryGetValue(a.Code, out var error))
                {
                    outcomes[i] = CollectOutcome.Refused(files[i].File.FileName, CollectStatus.NoAgency, error);
                    agencies[i] = null;
                    created[i] = false;
                }
            }
        }

        // What is already stored for these agencies, this year and last: copies (by SHA-256), numbers, current readings.
        var batchCodes = agencies.OfType<AgencyInfo>().Select(a => a.Code).Distinct(StringComparer.Ordinal).ToList();
        var years = files.Where(f => f.Report is not null).SelectMany(f => new[] { f.Report!.Year!.Value, f.Report.Year.Value - 1 }).Distinct().ToList();
        var stored = await db.CollectedReports.AsNoTracking().Where(r => batchCodes.Contains(r.AgencyCode) && years.Contains(r.Year))
            .Join(db.CollectedSources.AsNoTracking(), r => r.SourceId, s => s.Id, (r, s) => new { r.Id, r.AgencyCode, r.Year, r.Number, r.Current, s.Sha256 })
            .ToListAsync(cancellationToken);
        var copies = stored.Select(r => (r.AgencyCode, r.Year, r.Sha256)).ToHashSet();
        var numbers = stored.GroupBy(r => (r.AgencyCode, r.Year)).ToDictionary(g => g.Key, g => g.Max(r => r.Number));
        var current = stored.Where(r => r.Current).ToDictionary(r => (r.AgencyCode, r.Year), r => r.Id);
        var published = (await db.ReportVersions.AsNoTracking().Where(v => batchCodes.Contains(v.AgencyCode) && years.Contains(v.Year))
            .Select(v => new { v.Id, v.AgencyCode, v.Year, v.Number }).ToListAsync(cancellationToken))
            .GroupBy(v => (v.AgencyCode, v.Year)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id);

        // Last year's report of each file as ReportLookup finds it: the latest published version, else the current
        // collected reading, which may be one filed earlier in this batch.
        var filedHere = new Dictionary<(string, int), AnnualReport>();
        var previousHere = new AnnualReport?[files.Length];
        var number = new int[files.Length];
        var clear = new List<long>();
        var superseded = new Dictionary<(string, int), int>();
        var cleared = new HashSet<(string, int)>();
        for (var i = 0; i < files.Length; i++)
        {
            if (agencies[i] is not { } agency || outcomes[i] is not null)
            {
                continue;
            }

            var file = files[i];
            var reportYear = file.Report!.Year!.Value;
            var key = (agency.Code, reportYear);
            if (!copies.Add((agency.Code, reportYear, file.Sha)))
            {
                outcomes[i] = CollectOutcome.Refused(file.File.FileName, CollectStatus.Duplicate, $"同一文件已收集在 {agency.Name} {reportYear} 年度下", agency.Code, agency.Name, reportYear);
                continue;
            }

            var last = (agency.Code, reportYear - 1);
            previousHere[i] = published.ContainsKey(last) ? null : filedHere.GetValueOrDefault(last);
            number[i] = numbers[key] = numbers.GetValueOrDefault(key) + 1;
            if (current.TryGetValue(key, out var old) && cleared.Add(key))
            {
                clear.Add(old);
            }

            superseded[key] = i;
            filedHere[key] = file.Report;
        }

        var lastIds = Enumerable.Range(0, files.Length).Where(i => outcomes[i] is null && agencies[i] is not null)
            .Select(i => (agencies[i]!.Code, files[i].Report!.Year!.Value - 1)).Distinct().ToList();
        var lastPublished = lastIds.Where(published.ContainsKey).Select(k => published[k]).ToList();
        var lastCollected = lastIds.Where(k => !published.ContainsKey(k) && current.ContainsKey(k) && !(_filed.TryGetValue(k, out var f) && f.Id == current[k]))
            .Select(k => current[k]).ToList();
        var jsonById = (await db.ReportVersions.AsNoTracking().Where(v => lastPublished.Contains(v.Id)).Select(v => new { v.Id, v.AgencyCode, v.Year, v.Json }).ToListAsync(cancellationToken))
            .Select(v => (Key: (v.AgencyCode, v.Year), v.Json))
            .Concat((await db.CollectedReports.AsNoTracking().Where(r => lastCollected.Contains(r.Id)).Select(r => new { r.AgencyCode, r.Year, r.Json }).ToListAsync(cancellationToken))
                .Select(r => (Key: (r.AgencyCode, r.Year), r.Json)))
            .ToDictionary(v => v.Key, v => v.Json);

        // What needs last year's report, per file: cheap (the rest was done on the reading cores), so it runs here rather
        // than compete with the reading threads for the cores.
        var now = time.GetUtcNow();
        var rows = new CollectedReportRow?[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            if (outcomes[i] is not null || agencies[i] is not { } agency)
            {
                continue;
            }

            var file = files[i];
            var report = file.Report!;
            var reportYear = report.Year!.Value;
            var last = (agency.Code, reportYear - 1);
            var previous = previousHere[i]
                ?? (jsonById.TryGetValue(last, out var json) ? CanonicalJsonReader.Read(json).Report
                : !published.ContainsKey(last) && current.TryGetValue(last, out var id) && _filed.TryGetValue(last, out var f) && f.Id == id ? f.Report : null);
            var row = CollectedReportStore.NewRow(agency, report, file.Json!, file.Diagnostics, previous, _validator, string.Empty, publishedOn, collectedBy, now, file.CheckedAlone);
            row.Number = number[i];
            row.Current = superseded[(agency.Code, reportYear)] == i;
            rows[i] = row;
        }

        if (clear.Count > 0)
        {
            await db.CollectedReports.Where(r => clear.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Current, false), cancellationToken);
        }

        var filedAt = Enumerable.Range(0, files.Length).Where(i => rows[i] is not null).ToList();
        var sources = filedAt.Select(i => new CollectedSourceRow
        {
            FileName = files[i].File.FileName,
            Sha256 = files[i].Sha,
            Bytes = files[i].File.Bytes,
            CollectedAtUtcTicks = now.UtcTicks,
            CollectedBy = collectedBy,
        }).ToList();
        await PreparedInsert.InsertAsync(db, sources, cancellationToken);
        for (var k = 0; k < filedAt.Count; k++)
        {
            rows[filedAt[k]]!.SourceId = sources[k].Id;
        }

        await PreparedInsert.InsertAsync(db, filedAt.Select(i => rows[i]!).ToList(), cancellationToken);
        db.ChangeTracker.Clear();
        // The summaries are written from the reports in memory: nothing read back, nothing parsed twice.
        var justCollected = Enumerable.Range(0, files.Length).Where(i => rows[i] is { Current: true })
            .ToDictionary(i => rows[i]!.Id, i => new JustCollected(rows[i]!, files[i].Report!, files[i].Stored));
        foreach (var group in Enumerable.Range(0, files.Length).Where(i => rows[i] is not null).GroupBy(i => rows[i]!.Year))
        {
            await ReportSummaryStore.RefreshAsync(db, group.Key, group.Select(i => agencies[i]!).DistinctBy(a => a.Code).ToList(), justCollected, cancellationToken, _cellIds);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (id, collected) in justCollected)
        {
            _filed[(collected.Row.AgencyCode, collected.Row.Year)] = (id, collected.Report);
        }

        return Enumerable.Range(0, files.Length).Select(i => outcomes[i] ?? Filed(files[i], agencies[i]!, rows[i]!, created[i], published.ContainsKey((agencies[i]!.Code, rows[i]!.Year)))).ToList();
    }

    private static CollectOutcome Filed(Read file, AgencyInfo agency, CollectedReportRow row, bool created, bool publishedHere) =>
        new(file.File.FileName, created ? CollectStatus.NewAgency : CollectStatus.Filed, agency.Code, agency.Name, row.Year, row.Errors, row.Warnings, row.Uncertain, row.Score,
            created ? $"新建机关 {agency.Code}（其他）并归档"
            : publishedHere ? $"已归档（该机关已在本系统公布 {row.Year} 年度报告，总览和汇总以公布的版本为准）"
            : "已归档");

    /// <summary>A name as compared: without spaces, in one width of brackets and punctuation, Traditional characters simplified.</summary>
    private static string Normalise(string name) => Gongkai.Reporting.Parsing.Text.ChineseText.FullWidthPunctuation(Gongkai.Reporting.Parsing.Text.ChineseText.Compact(name));

    private static string NewCode(HashSet<string> codes, string under)
    {
        for (var n = 1; ; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{under}-x{n}");
            if (code.Length > 64)
            {
                code = string.Create(CultureInfo.InvariantCulture, $"x{Guid.NewGuid():N}")[..32];
            }

            if (!codes.Contains(code))
            {
                return code;
            }
        }
    }
}
