using System.Globalization;
using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>Drafting catalogue items: create (with the next 索引号), edit while drafted, attach files, read one with its links.</summary>
public sealed class RegistryDocuments(GongkaiDbContext db, RegistryOptions options, TimeProvider time, AuditLog audit)
{
    public sealed record Details(
        RegistryDocumentRow Document,
        IReadOnlyList<RegistryAttachmentRow> Attachments,
        IReadOnlyList<RegistryReviewStepRow> Steps,
        IReadOnlyList<RegistryDocumentRow> Interpretations,
        RegistryDocumentRow? Interprets,
        RegistryDocumentRow? Amends,
        RegistryDocumentRow? Repeals,
        IReadOnlyList<RegistryDocumentRow> AmendedOrRepealedBy);

    public async Task<(long? Id, string? Problem)> CreateAsync(string agency, string actor, DraftForm form, CancellationToken cancellationToken = default)
    {
        if (form.Problem() is { } problem)
        {
            return (null, problem);
        }

        var agencyRow = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agency, cancellationToken);
        if (agencyRow is null)
        {
            return (null, "未找到机关");
        }

        var row = new RegistryDocumentRow
        {
            AgencyCode = agency,
            Author = actor,
            State = (int)ReviewState.Draft,
            CreatedAtUtcTicks = time.GetUtcNow().UtcTicks,
            IndexScheme = options.Scheme.Pattern,
            Version = 1,
        };
        if (await ApplyAsync(row, form, agencyRow.Name, cancellationToken) is { } linkProblem)
        {
            return (null, linkProblem);
        }

        // Two officers creating at once may take the same serial: the unique index refuses the second, which retries.
        for (var attempt = 0; ; attempt++)
        {
            row.IndexNumber = await NextIndexNumberAsync(agency, row.FormedOn.Year, cancellationToken);
            db.Set<RegistryDocumentRow>().Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.Clear();
        await audit.RecordAsync(actor, agency, "registry.create", row.IndexNumber, "起草：" + row.Title, cancellationToken);
        return (row.Id, null);
    }

    /// <summary>Edits a draft (only in 起草中), against the version the officer saw.</summary>
    public async Task<(bool Saved, string? Problem)> UpdateAsync(string agency, long id, int loadedVersion, string actor, DraftForm form, CancellationToken cancellationToken = default)
    {
        if (form.Problem() is { } problem)
        {
            return (false, problem);
        }

        var row = await db.Set<RegistryDocumentRow>().SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == agency, cancellationToken);
        if (row is null)
        {
            return (false, "没有这条信息");
        }

        if ((ReviewState)row.State != ReviewState.Draft)
        {
            return (false, $"该信息当前为“{((ReviewState)row.State).Label()}”，只有起草中的信息可以修改");
        }

        if (row.Version != loadedVersion)
        {
            db.ChangeTracker.Clear();
            return (false, ReviewActions.ConflictMessage);
        }

        var name = await db.Agencies.AsNoTracking().Where(a => a.Code == agency).Select(a => a.Name).SingleAsync(cancellationToken);
        if (await ApplyAsync(row, form, name, cancellationToken) is { } linkProblem)
        {
            db.ChangeTracker.Clear();
            return (false, linkProblem);
        }

        // A save that changes nothing (a head opening a clerk's draft and pressing 保存) is not an edit: it neither bumps the
        // version nor makes the officer one who wrote the draft (and so unable to review it).
        db.ChangeTracker.DetectChanges();
        if (!db.Entry(row).Properties.Any(p => p.IsModified))
        {
            db.ChangeTracker.Clear();
            return (true, null);
        }

        row.Version = loadedVersion + 1;
        RecordEdit(row.Id, actor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (false, ReviewActions.ConflictMessage);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await audit.RecordAsync(actor, agency, "registry.edit", row.IndexNumber, "修改草稿", cancellationToken);
        return (true, null);
    }

    /// <summary>
    /// Attaches a file to a draft. The attachment is part of what is published, so it is a change like an edit: made against
    /// the draft's version (an attachment cannot slip onto an item that has meanwhile gone to review) and recorded as the
    /// officer's edit.
    /// </summary>
    public async Task<(bool Saved, string? Problem)> AttachAsync(string agency, long id, string actor, string fileName, byte[] content, AttachmentStore files, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<RegistryDocumentRow>().SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == agency, cancellationToken);
        if (row is null)
        {
            return (false, "没有这条信息");
        }

        if ((ReviewState)row.State != ReviewState.Draft)
        {
            db.ChangeTracker.Clear();
            return (false, "只有起草中的信息可以添加附件");
        }

        if (content.Length == 0)
        {
            db.ChangeTracker.Clear();
            return (false, "附件是空文件");
        }

        // The browser's file name passes no input check of its own: NUL, ESC, bidi overrides (U+202E) and other control
        // characters went into the row, the page and the audit log, and NUL made PostgreSQL refuse the row (a 500).
        var name = Attachments.FileNames.SafeName(fileName, RegistryAttachmentRow.FileNameMaxLength);
        // The text first (Extract never throws but for memory), and the hash: nothing is written to disk before the row is.
        var text = TextExtraction.Extract(content, name);
        var sha = AttachmentStore.HashOf(content);
        db.Set<RegistryAttachmentRow>().Add(new RegistryAttachmentRow
        {
            DocumentId = id,
            FileName = name,
            ContentType = AttachmentContentType(name),
            Size = content.Length,
            Sha256 = sha,
            Text = text,
        });
        RecordEdit(id, actor);
        row.Version++;
        try
        {
            // The row is inserted first, inside a transaction, and the bytes are put in place before it commits: a row the
            // database refuses leaves no file behind (the bytes used to be written first and stayed, with no row), and a
            // committed row never names bytes that are not on disk (the order a crash needs). What is left is a crash or a
            // failed commit between the two: the bytes stay, unnamed but harmless (content-addressed, reused by the next
            // upload of the same file). They are not deleted after a failed commit, because a commit can reach the database
            // while the client sees an error, and the bytes may be shared with another document's row. In the execution
            // strategy (PostgreSQL retries a transient failure; a transaction of our own must run inside it); the changes
            // are accepted only once committed, so a retry inserts them again.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                files.Save(content, sha);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            return (false, ReviewActions.ConflictMessage);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        await audit.RecordAsync(actor, agency, "registry.attach", row.IndexNumber, $"附件：{name}（SHA-256 {sha}）", cancellationToken);
        return (true, null);
    }

    /// <summary>
    /// The Content-Type an attachment is served with (always as a download, nosniff): from its name's extension on a fixed list,
    /// never the uploading browser's header (which could say text/html, or be longer than the column).
    /// </summary>
    public static string AttachmentContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".ofd" => "application/ofd",
        ".doc" => "application/msword",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".xls" => "application/vnd.ms-excel",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".wps" => "application/vnd.ms-works",
        ".txt" or ".md" or ".csv" => "text/plain",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".zip" => "application/zip",
        _ => "application/octet-stream",
    };

    /// <summary>One item with everything its page shows; <paramref name="agency"/> null reads any agency's (the portal, published only).</summary>
    public async Task<Details?> GetAsync(long id, string? agency, CancellationToken cancellationToken = default)
    {
        var docs = db.Set<RegistryDocumentRow>().AsNoTracking();
        var row = await docs.SingleOrDefaultAsync(d => d.Id == id && (agency == null || d.AgencyCode == agency), cancellationToken);
        if (row is null)
        {
            return null;
        }

        async Task<RegistryDocumentRow?> One(long? other) => other is { } o ? await docs.SingleOrDefaultAsync(d => d.Id == o, cancellationToken) : null;
        return new Details(
            row,
            await db.Set<RegistryAttachmentRow>().AsNoTracking().Where(a => a.DocumentId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken),
            await db.Set<RegistryReviewStepRow>().AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken),
            await docs.Where(d => d.InterpretsId == id).OrderBy(d => d.Id).ToListAsync(cancellationToken),
            await One(row.InterpretsId),
            await One(row.AmendsId),
            await One(row.RepealsId),
            await docs.Where(d => d.AmendsId == id || d.RepealsId == id).OrderBy(d => d.Id).ToListAsync(cancellationToken));
    }

    public async Task<string> NextIndexNumberAsync(string agency, int year, CancellationToken cancellationToken = default)
    {
        var scheme = options.Scheme;
        var prefix = scheme.Prefix(agency, year);
        var used = await db.Set<RegistryDocumentRow>().AsNoTracking()
            .Where(d => d.AgencyCode == agency && d.IndexNumber.StartsWith(prefix))
            .Select(d => d.IndexNumber).ToListAsync(cancellationToken);
        var max = 0;
        foreach (var number in used)
        {
            var digits = new string(number[prefix.Length..].TakeWhile(char.IsAsciiDigit).ToArray());
            if (digits.Length is > 0 and < 10 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                max = Math.Max(max, n);
            }
        }

        return scheme.Format(agency, year, max + 1);
    }

    private async Task<string?> ApplyAsync(RegistryDocumentRow row, DraftForm form, string agencyName, CancellationToken cancellationToken)
    {
        async Task<long?> Find(string? index) => string.IsNullOrWhiteSpace(index) ? null
            : await db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.IndexNumber == index.Trim()).Select(d => (long?)d.Id).SingleOrDefaultAsync(cancellationToken) ?? -1;
        var (amends, repeals, interprets) = (await Find(form.AmendsIndex), await Find(form.RepealsIndex), await Find(form.InterpretsIndex));
        if (amends == -1 || repeals == -1 || interprets == -1)
        {
            return "找不到所填索引号对应的信息";
        }

        if (form.Category == DocumentCategory.Interpretation && interprets is null)
        {
            return "政策解读须填写所解读文件的索引号";
        }

        row.Title = form.Title!.Trim();
        row.Publisher = string.IsNullOrWhiteSpace(form.Publisher) ? agencyName : form.Publisher.Trim();
        row.DocumentNumber = Blank(form.DocumentNumber);
        row.RegistrationNumber = Blank(form.RegistrationNumber);
        row.Topic = Blank(form.Topic);
        row.Category = (int)form.Category;
        row.FormedOn = form.FormedOn!.Value;
        row.DisclosureMode = (int)form.Mode;
        row.WithheldGround = form.Mode == DisclosureMode.Withheld ? form.WithheldGround!.Trim() : null;
        row.Body = (form.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        row.Validity = (int)form.Validity;
        row.AmendedOn = form.Validity == Validity.Amended ? form.ValidityChangedOn : row.AmendedOn;
        row.RepealedOn = form.Validity == Validity.Repealed ? form.ValidityChangedOn : null;
        row.ExpiredOn = form.Validity == Validity.Expired ? form.ValidityChangedOn : null;
        row.AmendsId = amends;
        row.RepealsId = repeals;
        row.InterpretsId = interprets;
        return null;
    }

    /// <summary>Records <paramref name="actor"/> as one who wrote part of the draft (saved with the change it goes with).</summary>
    private void RecordEdit(long id, string actor) =>
        db.Set<RegistryEditRow>().Add(new RegistryEditRow { DocumentId = id, Editor = actor, AtUtcTicks = time.GetUtcNow().UtcTicks });

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Today in China, for the statutory dates of publication.</summary>
    public DateOnly Today => ChinaDate.Today(time);
}
