using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Gongkai.Web.Api;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>An officer of the case's agency adds a file to a case (reply documents, material received offline) or downloads one.</summary>
public sealed class CaseAttachmentModel(GongkaiDbContext db, AttachmentStore store, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AttachmentId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public AttachmentPurpose Purpose { get; set; } = AttachmentPurpose.Reply;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (AttachmentId is not { } attachmentId || await TrackingNumberAsync(cancellationToken) is null ||
            await store.OpenAsync(Id, attachmentId, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return PhysicalFile(file.Path, file.Row.MediaType, file.Row.FileName);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TrackingNumberAsync(cancellationToken) is not { } tracking)
        {
            return NotFound();
        }

        if (Upload is null || !Enum.IsDefined(Purpose))
        {
            Error = "请选择要上传的文件";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var content = Upload.OpenReadStream();
        var result = await store.AddAsync(Id, content, Upload.FileName, Purpose, User.UserName(), byApplicant: false, cancellationToken);
        await audit.RecordAsync(User.UserName(), User.Agency(), "attachment.add", tracking,
            result.Attachment is { } a ? $"上传{AttachmentInfo.PurposeLabel(Purpose)}：{a.FileName}（{a.Size} 字节，SHA-256 {a.Sha256}）" : "拒绝：" + result.Message, cancellationToken);
        if (result.Status != AttachmentStore.AddStatus.Stored)
        {
            Error = result.Message;
            Response.StatusCode = result.Status == AttachmentStore.AddStatus.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType;
            return Page();
        }

        TempData["Message"] = result.Message;
        return Redirect($"/staff/cases/{Id}#attachments");
    }

    // Officers see only their own agency's cases: another agency's case is "not found".
    private async Task<string?> TrackingNumberAsync(CancellationToken cancellationToken) =>
        await db.Applications.AsNoTracking().Where(a => a.Id == Id && a.AgencyCode == User.Agency()).Select(a => a.TrackingNumber).SingleOrDefaultAsync(cancellationToken);
}
