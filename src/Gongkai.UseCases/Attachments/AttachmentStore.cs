using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Attachments;

/// <summary>
/// Attachments on disk, content-addressed: a file is written once to a temporary name while its SHA-256 and size
/// are computed (streamed, never held in memory), its type is detected from the content, and it is then put in place at
/// <c>attachments/ab/abcdef…</c> by its hash (a hard link, or a copy renamed into place). Two uploads of the same bytes
/// share one file; a file is deleted when no live row names it any more. Chosen over PostgreSQL large objects so SQLite
/// installations work the same and backups of the data directory include the files.
/// </summary>
public sealed class AttachmentStore(GongkaiDbContext db, AttachmentSettings settings, TimeProvider time)
{
    public enum AddStatus
    {
        Stored,
        TooLarge,
        RefusedType,
    }

    public sealed record AddResult(AddStatus Status, AttachmentRow? Attachment, string Message);

    public const string ApplicantActor = "申请人";

    private DbSet<AttachmentRow> Rows => db.Set<AttachmentRow>();

    /// <summary>The live attachments of a case, oldest first.</summary>
    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(Guid applicationId, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().Where(a => a.ApplicationId == applicationId && a.DeletedAtUtcTicks == null)
            .OrderBy(a => a.AddedAtUtcTicks).ToListAsync(cancellationToken);

    /// <summary>One live attachment of a case and the path of its bytes.</summary>
    public async Task<(AttachmentRow Row, string Path)?> OpenAsync(Guid applicationId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        var row = await Rows.AsNoTracking().SingleOrDefaultAsync(
            a => a.Id == attachmentId && a.ApplicationId == applicationId && a.DeletedAtUtcTicks == null, cancellationToken);
        return row is null || !File.Exists(PathOf(row.Sha256)) ? null : (row, PathOf(row.Sha256));
    }

    /// <summary>
    /// The attachments the applicant may see: the officers' reply documents only once the reply is issued (a reply
    /// waiting for the office head's approval, or returned by the head, is not the agency's answer yet).
    /// </summary>
    public async Task<IReadOnlyList<AttachmentRow>> ListForApplicantAsync(ApplicantAccess.Case found, CancellationToken cancellationToken = default) =>
        (await ListAsync(found.Id, cancellationToken)).Where(a => found.ReplyIssued || a.Purpose != (int)AttachmentPurpose.Reply).ToList();

    /// <summary><see cref="OpenAsync"/> for the applicant: a reply document only once the reply is issued.</summary>
    public async Task<(AttachmentRow Row, string Path)?> OpenForApplicantAsync(ApplicantAccess.Case found, Guid attachmentId, CancellationToken cancellationToken = default) =>
        await OpenAsync(found.Id, attachmentId, cancellationToken) is { } file && (found.ReplyIssued || file.Row.Purpose != (int)AttachmentPurpose.Reply)
            ? file
            : null;

    /// <summary>Streams <paramref name="content"/> to disk and records it, unless it is too large or of a refused type.</summary>
    /// <param name="alongWith">A row saved in the same transaction as the attachment's (its audit entry): both or neither, one commit.</param>
    public async Task<AddResult> AddAsync(
        Guid applicationId, Stream content, string fileName, AttachmentPurpose purpose, string addedBy, bool byApplicant, CancellationToken cancellationToken = default,
        Func<AttachmentRow, object>? alongWith = null)
    {
        var used = await Rows.Where(a => a.ApplicationId == applicationId && a.DeletedAtUtcTicks == null).SumAsync(a => (long?)a.Size, cancellationToken) ?? 0;
        var limit = Math.Min(settings.MaxFileBytes, settings.MaxCaseBytes - used);
        var temp = Path.Combine(Directory.CreateDirectory(Path.Combine(settings.Directory, "tmp")).FullName, Guid.NewGuid().ToString("N"));
        try
        {
            var (size, hash, complete) = await CopyAsync(content, temp, limit, cancellationToken);
            if (!complete)
            {
                return new AddResult(AddStatus.TooLarge, null, size > settings.MaxFileBytes || limit == settings.MaxFileBytes
                    ? $"单个文件不能超过 {Megabytes(settings.MaxFileBytes)}"
                    : $"这件申请的附件合计不能超过 {Megabytes(settings.MaxCaseBytes)}（已用 {Megabytes(used)}）");
            }

            if (size == 0)
            {
                return new AddResult(AddStatus.RefusedType, null, "文件是空的");
            }

            if (FileKinds.Detect(temp, out var refusal) is not { } kind)
            {
                return new AddResult(AddStatus.RefusedType, null, refusal!);
            }

            // The case's total checked again where it cannot race: two uploads at once each saw the other's bytes as not yet
            // there, and each could fill the room left (six at once stored twice the case's limit). The case's row is locked
            // (SQLite: the transaction takes the write lock as it begins; PostgreSQL: SELECT … FOR UPDATE) for the check and
            // the insert only — the file was streamed to disk before, outside any lock.
            // In the execution strategy (PostgreSQL retries a transient failure; a user transaction must run inside it): a
            // second attempt puts the file in place again if it is gone (PutInPlace). Always a transaction of its own: no
            // caller adds an attachment inside another (the locks would outlive the upload).
            // The row is made once, its Id with it: a commit can reach the server while the client sees it fail (the
            // connection lost as the answer came back), and a retry that inserted the row again, under a new Id, stored the
            // attachment and its audit entry twice. A retry first looks for this Id and, found, is done (EF Core's "commit
            // failure" check).
            var row = new AttachmentRow
            {
                Id = Guid.NewGuid(),
                ApplicationId = applicationId,
                FileName = FileNames.SafeName(fileName, AttachmentRow.FileNameMaxLength, kind.Extension),
                MediaType = kind.MediaType,
                Size = size,
                Sha256 = hash,
                Purpose = (int)purpose,
                AddedBy = addedBy,
                ByApplicant = byApplicant,
                AddedAtUtcTicks = time.GetUtcNow().UtcTicks,
            };
            var stored = new AddResult(AddStatus.Stored, row, "已上传 " + row.FileName);
            var added = new List<object>();
            var attempted = false;
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                // A second attempt: what the first added is no longer to be inserted, and the first may have committed.
                var retry = attempted;
                attempted = true;
                foreach (var entry in added)
                {
                    db.Entry(entry).State = EntityState.Detached;
                }

                added.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var result = await RecordAsync(retry);
                if (result.Status == AddStatus.Stored)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return result;
            });

            async Task<AddResult> RecordAsync(bool retry)
            {
                if (IsPostgres)
                {
                    await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM applications WHERE id = {applicationId} FOR UPDATE", cancellationToken);
                }

                // The file's bytes are held too, until the row is committed: a deletion of the last row naming the same bytes
                // (a withdrawn answer, the retention purge) either finished before — the file is gone and put in place again
                // below — or waits, and then sees this row.
                await LockBytesAsync(hash, cancellationToken);

                // Looked for with the case's row held: an earlier attempt's transaction, if the server still had it open, held
                // that row too, so it has ended — committed or not — before this looks. Its audit entry was committed with it.
                if (retry && await Rows.AnyAsync(a => a.Id == row.Id, cancellationToken))
                {
                    return stored;
                }

                var usedNow = await Rows.Where(a => a.ApplicationId == applicationId && a.DeletedAtUtcTicks == null).SumAsync(a => (long?)a.Size, cancellationToken) ?? 0;
                if (usedNow + size > settings.MaxCaseBytes)
                {
                    return new AddResult(AddStatus.TooLarge, null, $"这件申请的附件合计不能超过 {Megabytes(settings.MaxCaseBytes)}（已用 {Megabytes(usedNow)}）");
                }

                var final = PathOf(hash);
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                if (!File.Exists(final))
                {
                    PutInPlace(temp, final);
                }

                if (BeforeCommit is { } hook)
                {
                    await hook();
                }

                Rows.Add(row);
                added.Add(row);
                if (alongWith is not null)
                {
                    var along = alongWith(row);
                    db.Add(along);
                    added.Add(along);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return stored;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Deletes the files of cases closed more than <see cref="AttachmentSettings.RetentionDays"/> days before
    /// <paramref name="today"/>; returns the tracking numbers touched (the caller audits each).
    /// </summary>
    public async Task<IReadOnlyList<(string Agency, string TrackingNumber, int Files)>> PurgeAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        if (settings.RetentionDays <= 0)
        {
            return [];
        }

        var cutoff = today.AddDays(-settings.RetentionDays);
        var due = await (from a in Rows
                         join c in db.Applications on a.ApplicationId equals c.Id
                         where a.DeletedAtUtcTicks == null && c.DecidedOn != null && c.DecidedOn < cutoff
                         select new { Row = a, c.AgencyCode, c.TrackingNumber }).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcTicks;
        foreach (var d in due)
        {
            d.Row.DeletedAtUtcTicks = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await DeleteUnreferencedAsync(due.Select(d => d.Row.Sha256), cancellationToken);
        return due.GroupBy(d => (d.AgencyCode, d.TrackingNumber)).Select(g => (g.Key.AgencyCode, g.Key.TrackingNumber, g.Count())).ToList();
    }

    /// <summary>
    /// Deletes the file of each hash that no live row names any more (bytes shared with another upload stay). Each hash is
    /// checked and deleted while its bytes are held (<see cref="LockBytesAsync"/>), so an upload of the same bytes at that
    /// moment cannot find the file present, then lose it to this deletion after its row is committed.
    /// </summary>
    public async Task DeleteUnreferencedAsync(IEnumerable<string> hashes, CancellationToken cancellationToken = default)
    {
        foreach (var hash in hashes.Distinct(StringComparer.Ordinal).ToList())
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await LockBytesAsync(hash, cancellationToken);
                if (!await Rows.AnyAsync(a => a.Sha256 == hash && a.DeletedAtUtcTicks == null, cancellationToken))
                {
                    if (BeforeDelete is { } hook)
                    {
                        await hook();
                    }

                    File.Delete(PathOf(hash));
                }

                await transaction.CommitAsync(cancellationToken);
            });
        }
    }

    /// <summary>
    /// Test hook: runs once the file is in place and before its row is committed (a test holds an upload there to show a
    /// deletion of the same bytes waits for it).
    /// </summary>
    internal Func<Task>? BeforeCommit { get; init; }

    /// <summary>
    /// Test hook: runs once a deletion has found no live row naming a file and before it deletes it (a test starts an
    /// upload of the same bytes there to show the upload waits for it).
    /// </summary>
    internal Func<Task>? BeforeDelete { get; init; }

    /// <summary>
    /// Gives <paramref name="final"/> the bytes of <paramref name="temp"/> and keeps <paramref name="temp"/> (the upload
    /// deletes it when done). An attempt that fails after this releases the bytes with its rollback, and a deletion of the
    /// same bytes may then find no row naming them and delete the file: the retry puts it in place again from the temporary
    /// file (a move left none: the retry failed with FileNotFoundException). A hard link where the system has them — the
    /// name appears with the whole file behind it, nothing copied; else (Windows, a file system without hard links, the
    /// file there after all) a copy to a second temporary name, renamed over <paramref name="final"/> in one step. Readers
    /// serve <paramref name="final"/>: it is never seen half-written.
    /// </summary>
    private static void PutInPlace(string temp, string final)
    {
        if (TryLink(temp, final))
        {
            return;
        }

        var copy = temp + ".copy";
        try
        {
            File.Copy(temp, copy, overwrite: true);
            File.Move(copy, final, overwrite: true);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    /// <summary>False once the system's C library was found without link(2) (or not found): copies from then on.</summary>
    private static volatile bool linkMissing = OperatingSystem.IsWindows();

    /// <summary>
    /// A hard link by link(2); false when it cannot be made — the call failed, or the C library or its link(2) is not
    /// there (a system other than Linux or macOS, a libc loaded under another name), remembered so it is tried once.
    /// </summary>
    private static bool TryLink(string temp, string final)
    {
        if (linkMissing)
        {
            return false;
        }

        try
        {
            return Link(temp, final) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            linkMissing = true;
            return false;
        }
    }

    // link(2): a second name for an existing file, made in one step; non-zero when it cannot be made.
    [DllImport("libc", EntryPoint = "link")]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    private bool IsPostgres => db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>
    /// Holds one file's bytes for the rest of the current transaction: PostgreSQL by a transaction-scoped advisory lock on
    /// the hash; SQLite needs nothing more, its transaction holds the database's write lock from its start.
    /// </summary>
    private async Task LockBytesAsync(string hash, CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({hash}, 0))", cancellationToken);
        }
    }

    public string PathOf(string sha256) => Path.Combine(settings.Directory, sha256[..2], sha256);

    public static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:0.#} MB";

    // Copies at most limit bytes; stops (incomplete) at the first byte beyond, so an oversized upload is never stored whole.
    private static async Task<(long Size, string Hash, bool Complete)> CopyAsync(Stream content, string path, long limit, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            // Written synchronously: Linux has no asynchronous buffered file write, so an async FileStream hands every
            // chunk to a thread-pool thread and waits for it (a hop and two context switches per 64 KB, ~10% of the
            // server's CPU per 5 MB upload in bench/upload.sh), while a write into the page cache returns in microseconds.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken)) > 0)
            {
                size += read;
                if (size > limit)
                {
                    return (size, string.Empty, false);
                }

                sha.AppendData(buffer, 0, read);
                file.Write(buffer, 0, read);
            }

            return (size, Convert.ToHexStringLower(sha.GetHashAndReset()), true);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
