using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Registry;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff.Registry;

/// <summary>
/// One catalogue item for officers: its metadata, attachments, review history, the draft form while drafted and the
/// review step its state allows. Every step posts to one handler (<c>?handler=Act</c>) with the version shown; the page
/// answers 302 (done), 409 (changed meanwhile) or 422 (refused, with the reason).
/// </summary>
[RequestSizeLimit(MaxAttachmentBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxAttachmentBytes + (1024 * 1024))]
public sealed class DocumentModel(RegistryDocuments documents, ReviewActions actions, AttachmentStore files, AuditLog audit, GongkaiDbContext db) : PageModel
{
    public const long MaxAttachmentBytes = 50 * 1024 * 1024;

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    [BindProperty]
    public DraftForm Form { get; set; } = new();

    public RegistryDocuments.Details Item { get; private set; } = null!;

    public IReadOnlyList<AuditRow> Trail { get; private set; } = [];

    public string? Error { get; private set; }

    /// <summary>Whether the reader works cases: a 监督人员 reads the page without its forms (its posts answer 403).</summary>
    public bool MayAct => User.WorksCases();

    /// <summary>The display name of every account of the agency (disabled and former officers too), by user name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// A person as the page names them (the review steps' 人员 — drafter, reviewers, approver — and the 操作记录): the
    /// account's display name; a name that is no account of the agency (an import, 系统…) as it is.
    /// </summary>
    public string Person(string? userName) => StaffNames.Person(Names, userName);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = FormOf(Item);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int version, CancellationToken cancellationToken)
    {
        var (saved, problem) = await documents.UpdateAsync(User.Agency(), Id, version, User.UserName(), Form, cancellationToken);
        if (saved)
        {
            TempData["Message"] = "草稿已保存。";
            return Redirect($"/staff/registry/{Id}");
        }

        return await FailAsync(problem == ReviewActions.ConflictMessage ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, problem!, cancellationToken, keepForm: true);
    }

    public async Task<IActionResult> OnPostAttachAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return await FailAsync(StatusCodes.Status422UnprocessableEntity, "请选择要上传的附件", cancellationToken);
        }

        if (file.Length > MaxAttachmentBytes)
        {
            return await FailAsync(StatusCodes.Status413PayloadTooLarge, "附件不能超过 50 MB", cancellationToken);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var (saved, problem) = await documents.AttachAsync(User.Agency(), Id, User.UserName(), file.FileName, buffer.ToArray(), files, cancellationToken);
        if (!saved)
        {
            return await FailAsync(StatusCodes.Status422UnprocessableEntity, problem!, cancellationToken);
        }

        TempData["Message"] = $"已添加附件“{Path.GetFileName(file.FileName)}”。";
        return Redirect($"/staff/registry/{Id}");
    }

    public async Task<IActionResult> OnPostActAsync(ReviewAction action, int version, string? note, DateOnly? changedOn, CancellationToken cancellationToken)
    {
        var result = await actions.RunAsync(Id, version, action, note, User.UserName(), User.Agency(), User.IsOfficeHead(), changedOn, cancellationToken);
        switch (result.Status)
        {
            case ReviewActions.Status.Done:
                TempData["Message"] = result.Message;
                return Redirect($"/staff/registry/{Id}");
            case ReviewActions.Status.NotFound:
                return NotFound();
            default:
                return await FailAsync(result.Status == ReviewActions.Status.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity, result.Message, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetAttachmentAsync(long attachment, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || Item.Attachments.FirstOrDefault(a => a.Id == attachment) is not { } a || files.Open(a.Sha256) is not { } stream)
        {
            return NotFound();
        }

        return File(stream, a.ContentType, a.FileName);
    }

    /// <summary>The steps the state allows (the review chain still checks role and person when one is posted).</summary>
    public IEnumerable<ReviewAction> Available() => (ReviewState)Item.Document.State switch
    {
        ReviewState.Draft => [ReviewAction.Submit],
        ReviewState.AttributeReview => [ReviewAction.ConfirmAttribute, ReviewAction.Return],
        ReviewState.SecrecyReview => [ReviewAction.ClearSecrecy, ReviewAction.Return],
        ReviewState.Approval => [ReviewAction.Approve, ReviewAction.Return],
        ReviewState.Published or ReviewState.Approved => [ReviewAction.Reopen],
        _ => [],
    };

    private async Task<IActionResult> FailAsync(int status, string message, CancellationToken cancellationToken, bool keepForm = false)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!keepForm)
        {
            Form = FormOf(Item);
        }

        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await documents.GetAsync(Id, User.Agency(), cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Trail = await audit.RecentAsync(User.Agency(), 50, target: item.Document.IndexNumber, cancel: cancellationToken);
        Names = await StaffNames.OfAgencyAsync(db, User.Agency(), cancellationToken);
        return true;
    }

    private static DraftForm FormOf(RegistryDocuments.Details i)
    {
        var d = i.Document;
        var validity = (Validity)d.Validity;
        return new DraftForm
        {
            Title = d.Title,
            Publisher = d.Publisher,
            DocumentNumber = d.DocumentNumber,
            RegistrationNumber = d.RegistrationNumber,
            Topic = d.Topic,
            Category = (DocumentCategory)d.Category,
            FormedOn = d.FormedOn,
            Mode = (DisclosureMode)d.DisclosureMode,
            WithheldGround = d.WithheldGround,
            Body = d.Body,
            Validity = validity,
            ValidityChangedOn = validity switch
            {
                Validity.Amended => d.AmendedOn,
                Validity.Repealed => d.RepealedOn,
                Validity.Expired => d.ExpiredOn,
                Validity.InForce => null,
            },
            AmendsIndex = i.Amends?.IndexNumber,
            RepealsIndex = i.Repeals?.IndexNumber,
            InterpretsIndex = i.Interprets?.IndexNumber,
        };
    }
}
