using Gongkai.Persistence;
using Gongkai.UseCases.Notices;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>A notice of a case as a printable page, or as .docx with <c>?format=docx</c>.</summary>
public sealed class NoticeModel(GongkaiDbContext db, AuditLog audit) : PageModel
{
    public Notice Notice { get; private set; } = null!;

    public IActionResult OnGet(Guid id, string kind, string? format)
    {
        if (!Enum.TryParse<NoticeKind>(kind, ignoreCase: true, out var noticeKind) || !Enum.IsDefined(noticeKind))
        {
            return NotFound();
        }

        var application = new CaseStore(db).Get(id);
        if (application is null || application.AgencyCode != User.Agency())
        {
            return NotFound();
        }

        var agencyName = db.Agencies.Find(application.AgencyCode)?.Name ?? application.AgencyCode;
        if (Notice.For(noticeKind, application, agencyName) is not { } notice)
        {
            return NotFound();
        }

        Notice = notice;
        var stem = Notice.FileStem(noticeKind);
        audit.Record(User.UserName(), User.Agency(), "notice." + noticeKind, application.TrackingNumber, format == "docx" ? $"下载{stem}（Word）" : $"打印{stem}");
        if (format == "docx")
        {
            return File(NoticeDocx.Render(notice), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{application.TrackingNumber}-{stem}.docx");
        }

        return Page();
    }
}
