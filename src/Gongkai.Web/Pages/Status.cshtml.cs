using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Attachments;
using Gongkai.UseCases.Notices;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>
/// Status by tracking number and access code; the code travels in a POST body, never in the URL. With the code the
/// applicant also reads the notices (补正, 延期, 答复), answers a 补正 notice with text and files before its deadline,
/// sees fees due and downloads the case's files.
/// </summary>
[EnableRateLimiting(GongkaiHost.StatusPolicy)]
public sealed class StatusModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options, AttachmentStore attachments, AuditLog audit, LetterSettings letters) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>The applicant's answer to a 补正 notice.</summary>
    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public LookUpStatus.Status? Result { get; private set; }

    public DisclosureApplication? Case { get; private set; }

    public IReadOnlyList<Notice> Notices { get; private set; } = [];

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    public DateOnly Today => ChinaDate.Today(time);

    public bool NoMatch { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Whether the applicant can still answer the 补正 notice online (before its deadline, 条例第三十条).</summary>
    public bool CanAnswer => Case is { State: ApplicationState.AwaitingCorrection, CorrectionDeadline: { } by } && Today <= by;

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostAnswerAsync(CancellationToken cancellationToken)
    {
        var streams = Files.Where(f => f.Length > 0).Select(f => (Content: f.OpenReadStream(), Name: f.FileName)).ToList();
        try
        {
            var result = await new AnswerCorrection(db, attachments, audit, time, options.AccessCodeSecret)
                .RunAsync(Number?.Trim() ?? string.Empty, Code, Answer, streams, cancellationToken);
            if (result is { Done: true })
            {
                Message = result.Message;
                Answer = null;
            }
            else if (result is not null)
            {
                Error = result.Message;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
        }
        finally
        {
            foreach (var (content, _) in streams)
            {
                await content.DisposeAsync();
            }
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDownloadAsync(Guid attachmentId, CancellationToken cancellationToken)
    {
        var found = await new ApplicantAccess(db, options.AccessCodeSecret).FindAsync(Number?.Trim() ?? string.Empty, Code, cancellationToken);
        if (found is null || await attachments.OpenForApplicantAsync(found, attachmentId, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return PhysicalFile(file.Path, file.Row.MediaType, file.Row.FileName);
    }

    /// <summary>A notice of the case (补正, 延期, 答复书) as a Word document, for the applicant with the code.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(NoticeKind kind, CancellationToken cancellationToken)
    {
        // One read and one code check, as the page's look-up (LoadAsync).
        var number = Number?.Trim() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(Code)
            || await new LookUpStatus(db, calendar, time, options.AccessCodeSecret).FindAsync(number, Code.Trim(), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var application = found.Application;
        var context = await NoticeContext.LoadAsync(db, calendar, letters, application, cancellationToken);
        return Notice.For(kind, application, context) is { } notice
            ? File(NoticeDocx.Render(notice), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{application.TrackingNumber}-{Notice.FileStem(kind)}.docx")
            : NotFound();
    }

    /// <summary>The 回执 reprinted for the applicant (issue 12), shown under the status when asked for with the code.</summary>
    public ReceiptView? Receipt { get; private set; }

    /// <summary>
    /// Reprints the 回执 as it was issued: the date received first and the reply deadline computed for the application as
    /// received (条例第三十三条: 20 working days), before any later 补正, pause or extension; the code is the one just typed.
    /// </summary>
    public async Task OnPostReceiptAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Case is not { } a)
        {
            return;
        }

        var asReceived = DisclosureApplication.Receive(a.Id, a.AgencyCode, a.TrackingNumber, a.Applicant, a.Request, a.Delivery, a.Channel, a.FirstReceivedOn, time.GetUtcNow(), "申请人");
        var due = asReceived.ReplyDeadline(calendar, DeadlinePolicy.Default, Today)?.Due ?? a.FirstReceivedOn;
        var agencyName = await db.Agencies.AsNoTracking().Where(x => x.Code == a.AgencyCode).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken) ?? a.AgencyCode;
        var statusUrl = $"{Request.Scheme}://{Request.Host}/status?number={Uri.EscapeDataString(a.TrackingNumber)}";
        Receipt = new ReceiptView(new SubmitApplication.Receipt(a.TrackingNumber, Code!.Trim().ToUpperInvariant(), a.FirstReceivedOn, due), asReceived, agencyName, statusUrl, Today);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // One read of the case (with its history) and one code check give the status, the applicant's key to the
        // files and the case the notices are drawn from: reading it again by number and code, then by id, cost two
        // more round trips and a second HMAC per look-up.
        var number = Number?.Trim() ?? string.Empty;
        var found = string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(Code)
            ? null
            : await new LookUpStatus(db, calendar, time, options.AccessCodeSecret).FindAsync(number, Code.Trim(), cancellationToken);
        Result = found?.Status;
        NoMatch = found is null;
        if (found is not { } match)
        {
            return;
        }

        Case = match.Application;
        var context = await NoticeContext.LoadAsync(db, calendar, letters, Case, cancellationToken);
        Notices = Enum.GetValues<NoticeKind>().Select(k => Notice.For(k, Case, context)).OfType<Notice>().ToList();
        Attachments = await attachments.ListForApplicantAsync(match.Case, cancellationToken);
    }
}
