using Gongkai.Persistence;
using Gongkai.UseCases.Notices;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>A notice of a case as a printable page, or as .docx with <c>?format=docx</c>.</summary>
public sealed class NoticeModel(GongkaiDbContext db, AuditLog audit, Gongkai.Domain.Calendar.WorkingDayCalendar calendar, LetterSettings letters) : PageModel
{
    public Notice Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, string? format)
    {
        if (!Enum.TryParse<NoticeKind>(kind, ignoreCase: true, out var noticeKind) || !Enum.IsDefined(noticeKind))
        {
            return NotFound();
        }

        var application = await new CaseStore(db).GetAsync(id, HttpContext.RequestAborted);
        if (application is null || application.AgencyCode != User.Agency())
        {
            return NotFound();
        }

        var context = await NoticeContext.LoadAsync(db, calendar, letters, application, HttpContext.RequestAborted);
        if (Notice.For(noticeKind, application, context) is not { } notice)
        {
            return NotFound();
        }

        Notice = notice;
        var stem = Notice.FileStem(noticeKind);
        // The .docx is built first: the log records notices that were actually handed out, not attempts that failed.
        var docx = format == "docx" ? NoticeDocx.Render(notice) : null;
        await audit.RecordAsync(User.UserName(), User.Agency(), "notice." + noticeKind, application.TrackingNumber, docx is not null ? $"下载{stem}（Word）" : $"打印{stem}", HttpContext.RequestAborted);
        return docx is not null
            ? File(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{application.TrackingNumber}-{stem}.docx")
            : Page();
    }
}
