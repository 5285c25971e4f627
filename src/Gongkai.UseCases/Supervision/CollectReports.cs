using System.Security.Cryptography;
using System.Threading.Channels;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
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
public sealed partial class CollectReports(GongkaiDbContext db, TimeProvider time)
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

    private AgencyNames? _agencies;

    /// <summary>The id of every cell a summary can hold, read (and numbered when new) once per run.</summary>
    private CellIds? _cellIds;

    /// <summary>A file to collect: its name and bytes.</summary>
    /// <param name="Length">
    /// The file's length when its bytes were not read because it is too large (<see cref="ReportFileReader.RefuseByLength"/>):
    /// it is refused with the importer's reason, and <paramref name="Bytes"/> is empty.
    /// </param>
    public sealed record SourceFile(string FileName, byte[] Bytes, long? Length = null)
    {
        /// <summary>A file too large to read, refused unread (an upload's length is known before it is copied).</summary>
        public static SourceFile Unread(string fileName, long length) => new(fileName, [], length);
    }

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
        if (year is { } asked && ReportYears.Problem(asked, time) is { } badYear)
        {
            return badYear;
        }

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
        var read = (file.Length is { } length ? ReportFileReader.RefuseByLength(length) : null) ?? Reader(file.Bytes);
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

        if (ReportYears.Problem(report.Year.Value, time) is { } badYear)
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.WrongYear, badYear));
        }

        if (publishedOn is { } on && PublicationDeadline.BeforeYearEnded(on, report.Year.Value) is { } early)
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.WrongYear, early));
        }

        // The name is filed as an agency's: control and format characters dropped (a NUL failed the batch on PostgreSQL, a
        // zero-width space made a name pass for another's). The file itself is kept as it came.
        report.Agency = AgencyNameText.Clean(report.Agency);
        if (string.IsNullOrWhiteSpace(report.Agency))
        {
            return Refuse(CollectOutcome.Refused(file.FileName, CollectStatus.NoAgency, "报告未写明机关名称，无法归档"));
        }

        return new Read(file, sha, report, CanonicalJsonWriter.Write(report), read.Diagnostics, null, _validator.ValidateAlone(report), SummaryCells.Pack(report, _cellIds!));

        Read Refuse(CollectOutcome outcome) => new(file, sha, null, null, [], outcome);
    }
}
