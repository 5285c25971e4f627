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

    public (long? Id, string? Problem) Create(string agency, string actor, DraftForm form)
    {
        if (form.Problem() is { } problem)
        {
            return (null, problem);
        }

        var agencyRow = db.Agencies.AsNoTracking().SingleOrDefault(a => a.Code == agency);
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
        if (Apply(row, form, agencyRow.Name) is { } linkProblem)
        {
            return (null, linkProblem);
        }

        // Two officers creating at once may take the same serial: the unique index refuses the second, which retries.
        for (var attempt = 0; ; attempt++)
        {
            row.IndexNumber = NextIndexNumber(agency, row.FormedOn.Year);
            db.Set<RegistryDocumentRow>().Add(row);
            try
            {
                db.SaveChanges();
                break;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }

        db.ChangeTracker.Clear();
        audit.Record(actor, agency, "registry.create", row.IndexNumber, "起草：" + row.Title);
        return (row.Id, null);
    }

    /// <summary>Edits a draft (only in 起草中), against the version the officer saw.</summary>
    public (bool Saved, string? Problem) Update(string agency, long id, int loadedVersion, string actor, DraftForm form)
    {
        if (form.Problem() is { } problem)
        {
            return (false, problem);
        }

        var row = db.Set<RegistryDocumentRow>().SingleOrDefault(d => d.Id == id && d.AgencyCode == agency);
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

        var name = db.Agencies.AsNoTracking().Where(a => a.Code == agency).Select(a => a.Name).Single();
        if (Apply(row, form, name) is { } linkProblem)
        {
            db.ChangeTracker.Clear();
            return (false, linkProblem);
        }

        row.Version = loadedVersion + 1;
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateConcurrencyException)
        {
            return (false, ReviewActions.ConflictMessage);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        audit.Record(actor, agency, "registry.edit", row.IndexNumber, "修改草稿");
        return (true, null);
    }

    public (bool Saved, string? Problem) Attach(string agency, long id, string actor, string fileName, string contentType, byte[] content, AttachmentStore files)
    {
        var row = db.Set<RegistryDocumentRow>().AsNoTracking().SingleOrDefault(d => d.Id == id && d.AgencyCode == agency);
        if (row is null)
        {
            return (false, "没有这条信息");
        }

        if ((ReviewState)row.State != ReviewState.Draft)
        {
            return (false, "只有起草中的信息可以添加附件");
        }

        if (content.Length == 0)
        {
            return (false, "附件是空文件");
        }

        var name = Path.GetFileName(fileName);
        var sha = files.Save(content);
        db.Set<RegistryAttachmentRow>().Add(new RegistryAttachmentRow
        {
            DocumentId = id,
            FileName = name.Length > 260 ? name[^260..] : name,
            ContentType = string.IsNullOrEmpty(contentType) ? "application/octet-stream" : contentType,
            Size = content.Length,
            Sha256 = sha,
            Text = TextExtraction.Extract(content, name),
        });
        db.SaveChanges();
        db.ChangeTracker.Clear();
        audit.Record(actor, agency, "registry.attach", row.IndexNumber, $"附件：{name}（SHA-256 {sha}）");
        return (true, null);
    }

    /// <summary>One item with everything its page shows; <paramref name="agency"/> null reads any agency's (the portal, published only).</summary>
    public Details? Get(long id, string? agency)
    {
        var docs = db.Set<RegistryDocumentRow>().AsNoTracking();
        var row = docs.SingleOrDefault(d => d.Id == id && (agency == null || d.AgencyCode == agency));
        if (row is null)
        {
            return null;
        }

        RegistryDocumentRow? One(long? other) => other is { } o ? docs.SingleOrDefault(d => d.Id == o) : null;
        return new Details(
            row,
            db.Set<RegistryAttachmentRow>().AsNoTracking().Where(a => a.DocumentId == id).OrderBy(a => a.Id).ToList(),
            db.Set<RegistryReviewStepRow>().AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToList(),
            docs.Where(d => d.InterpretsId == id).OrderBy(d => d.Id).ToList(),
            One(row.InterpretsId),
            One(row.AmendsId),
            One(row.RepealsId),
            docs.Where(d => d.AmendsId == id || d.RepealsId == id).OrderBy(d => d.Id).ToList());
    }

    public string NextIndexNumber(string agency, int year)
    {
        var scheme = options.Scheme;
        var prefix = scheme.Prefix(agency, year);
        var used = db.Set<RegistryDocumentRow>().AsNoTracking()
            .Where(d => d.AgencyCode == agency && d.IndexNumber.StartsWith(prefix))
            .Select(d => d.IndexNumber).ToList();
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

    private string? Apply(RegistryDocumentRow row, DraftForm form, string agencyName)
    {
        long? Find(string? index) => string.IsNullOrWhiteSpace(index) ? null
            : db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.IndexNumber == index.Trim()).Select(d => (long?)d.Id).SingleOrDefault() ?? -1;
        var (amends, repeals, interprets) = (Find(form.AmendsIndex), Find(form.RepealsIndex), Find(form.InterpretsIndex));
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

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Today in China, for the statutory dates of publication.</summary>
    public DateOnly Today => ChinaDate.Today(time);
}
