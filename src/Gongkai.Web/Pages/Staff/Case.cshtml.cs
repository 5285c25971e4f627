using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Reviews;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Notices;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// One case: applicant, request, the due date with its explanation, the timeline, every action the case's
/// state allows, the notices, linked reconsiderations/lawsuits and the audit trail.
/// </summary>
public sealed class CaseModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, AuditLog audit, CaseworkSettings casework) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DisclosureApplication Case { get; private set; } = null!;

    public Deadline? Deadline { get; private set; }

    public DateOnly Today { get; private set; }

    public string? AssignedOfficer { get; private set; }

    public IReadOnlyList<StaffUserRow> Officers { get; private set; } = [];

    public IReadOnlyList<ReviewCase> Reviews { get; private set; } = [];

    public IReadOnlyList<AuditRow> Trail { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool CanApproveExtension => User.IsOfficeHead();

    public IReadOnlyList<NoticeKind> Notices { get; private set; } = [];

    /// <summary>Other applications that may be the same one filed again (shown, never merged).</summary>
    public IReadOnlyList<PossibleDuplicates.Match> Duplicates { get; private set; } = [];

    /// <summary>Decided after its deadline (逾期答复).</summary>
    public bool LateReply => Case.IsLateReply(calendar, DeadlinePolicy.Default);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Duplicates = await new PossibleDuplicates(db).FindAsync(Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostActAsync(int version, CaseCommand command)
    {
        var result = await new CaseActions(db, calendar, time, audit, casework.Approval, casework.Letters).RunAsync(Id, version, command, User.UserName(), User.Agency(), User.IsOfficeHead(), HttpContext.RequestAborted);
        switch (result.Status)
        {
            case CaseActions.Status.Done:
                TempData["Message"] = result.Message;
                return RedirectToPage(new { Id });
            case CaseActions.Status.NotFound:
                return NotFound();
            default:
                Error = result.Message;
                Response.StatusCode = result.Status switch
                {
                    CaseActions.Status.Forbidden => StatusCodes.Status403Forbidden,
                    CaseActions.Status.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status422UnprocessableEntity,
                };
                await LoadAsync(HttpContext.RequestAborted);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostAssignAsync(string? officer)
    {
        var store = new CaseStore(db);
        var application = store.Get(Id);
        if (application is null || application.AgencyCode != User.Agency())
        {
            return NotFound();
        }

        officer = string.IsNullOrWhiteSpace(officer) ? null : officer;
        if (officer is not null && !db.StaffUsers.Any(u => u.UserName == officer && u.AgencyCode == User.Agency()))
        {
            Error = "没有这位工作人员";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(HttpContext.RequestAborted);
            return Page();
        }

        store.Assign(Id, officer);
        audit.Record(User.UserName(), User.Agency(), "case.assign", application.TrackingNumber, officer is null ? "取消指派" : "指派给 " + officer);
        TempData["Message"] = officer is null ? "已取消指派。" : $"已指派给 {officer}。";
        return RedirectToPage(new { Id });
    }

    /// <summary>Which replies the office head approves before they are issued (shown on the decision form).</summary>
    public Gongkai.Domain.Applications.ApprovalPolicy ApprovalPolicy => casework.Approval;

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var store = new CaseStore(db);
        var found = store.Get(Id);
        if (found is null || found.AgencyCode != User.Agency())
        {
            return false;
        }

        Case = found;
        Today = ChinaDate.Today(time);
        Deadline = found.ReplyDeadline(calendar, DeadlinePolicy.Default, Today);
        AssignedOfficer = store.AssignedOfficer(Id);
        Officers = db.StaffUsers.AsNoTracking().Where(u => u.AgencyCode == found.AgencyCode).OrderBy(u => u.UserName).ToList();
        Reviews = store.Reviews(found.AgencyCode).Where(r => r.ApplicationId == Id).OrderBy(r => r.FiledOn).ToList();
        Trail = audit.Recent(found.AgencyCode, 100, target: found.TrackingNumber);
        var context = await NoticeContext.LoadAsync(db, calendar, casework.Letters, found, cancellationToken);
        Notices = Enum.GetValues<NoticeKind>().Where(k => Notice.For(k, found, context) is not null).ToList();
        return true;
    }

    /// <summary>The actions the case's state allows now (the aggregate still checks every rule when one is submitted).</summary>
    public IEnumerable<CaseAction> Available() => Case.State switch
    {
        ApplicationState.InProgress => new[]
        {
            CaseAction.Decide, CaseAction.RequestCorrection, CaseAction.StartConsultation, CaseAction.IssueFeeNotice,
            CaseAction.Extend, CaseAction.SetLaterDeadline,
        }.Where(a => a != CaseAction.RequestCorrection || !Case.CorrectionRequested).Where(a => a != CaseAction.Extend || Case.ExtensionDays == 0),
        ApplicationState.AwaitingCorrection => [CaseAction.RecordCorrection, CaseAction.CloseForMissedCorrection],
        ApplicationState.Consulting => new[] { CaseAction.EndConsultation, CaseAction.Extend, CaseAction.SetLaterDeadline }
            .Where(a => a != CaseAction.Extend || Case.ExtensionDays == 0),
        ApplicationState.AwaitingPayment => [CaseAction.RecordPayment, CaseAction.CloseForUnpaidFee],
        ApplicationState.Closed => [],
        // The clock keeps running while the head reviews: an extension may still be needed.
        ApplicationState.AwaitingApproval => new[] { CaseAction.Extend, CaseAction.SetLaterDeadline }.Where(a => a != CaseAction.Extend || Case.ExtensionDays == 0),
    };

    public static string Date(DateOnly? d) => d is { } v ? CaseActions.Date(v) : string.Empty;
}
