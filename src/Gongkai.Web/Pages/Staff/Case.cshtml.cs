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

    /// <summary>
    /// Who the case may be assigned to: the agency's accounts in use that work cases (never a 监督人员 or a disabled
    /// account). A current 承办人 not among them is listed too, selected, so that 指派 pressed unchanged keeps it
    /// (<see cref="CurrentNotAssignable"/>).
    /// </summary>
    public IReadOnlyList<StaffUserRow> Officers { get; private set; } = [];

    /// <summary>The case's 承办人 when it is no longer an assignee (a disabled account): the picker starts at it, not at （未指派）.</summary>
    public string? CurrentNotAssignable =>
        AssignedOfficer is { } current && Officers.All(o => o.UserName != current) ? current : null;

    /// <summary>The display name of every account of the agency (disabled and former officers too), by user name.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>The agency's disabled accounts, by user name: never offered as 承办人, and named 已停用 where one still is.</summary>
    public IReadOnlySet<string> DisabledAccounts { get; private set; } = new HashSet<string>();

    /// <summary>
    /// Whether the login name is shown beside a person's name (the 承办人 and the assignment list): to the agency's
    /// administrator, who manages the accounts; everyone else reads display names only.
    /// </summary>
    public bool ShowsLoginNames => User.IsInRole("admin");

    /// <summary>
    /// A person as the page names them (timeline, trail, approval, attachments): the account's display name; a name that
    /// is no account of the agency (申请人, 系统…) as it is.
    /// </summary>
    public string Person(string? userName) => StaffNames.Person(Names, userName);

    /// <summary>
    /// A person with the login name beside it for an administrator (<see cref="ShowsLoginNames"/>), and （已停用） after
    /// a disabled account (a 承办人 assigned before the account was disabled).
    /// </summary>
    public string PersonForAssignment(string userName) =>
        (ShowsLoginNames ? StaffNames.WithLogin(Names, userName) : Person(userName))
        + (DisabledAccounts.Contains(userName) ? "（已停用）" : string.Empty);

    public IReadOnlyList<ReviewCase> Reviews { get; private set; } = [];

    public IReadOnlyList<AuditRow> Trail { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool CanApproveExtension => User.IsOfficeHead();

    /// <summary>Whether the reader works cases: a 监督人员 reads the case and gets no form (its posts answer 403).</summary>
    public bool MayAct => User.WorksCases();

    public IReadOnlyList<NoticeKind> Notices { get; private set; } = [];

    /// <summary>Other applications that may be the same one filed again (shown, never merged).</summary>
    public IReadOnlyList<PossibleDuplicates.Match> Duplicates { get; private set; } = [];

    /// <summary>Decided after its deadline (逾期答复).</summary>
    public bool LateReply => Case.IsLateReply(calendar, DeadlinePolicy.Default);

    /// <summary>The action whose form opens when the page opens (after a refusal of it, or <c>?do=Decide</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "do")]
    public CaseAction? Open { get; set; }

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

    public async Task<IActionResult> OnPostActAsync(int version, CaseCommand command, CancellationToken cancellationToken)
    {
        var result = await new CaseActions(db, calendar, time, audit, casework.Approval, casework.Letters).RunAsync(Id, version, command, User.UserName(), User.Agency(), User.IsOfficeHead(), cancellationToken);
        switch (result.Status)
        {
            case CaseActions.Status.Done:
                TempData["Message"] = result.Message;
                return RedirectToPage(new { Id });
            case CaseActions.Status.NotFound:
                return NotFound();
            default:
                Error = result.Message;
                Open = command.Action;
                Response.StatusCode = result.Status switch
                {
                    CaseActions.Status.Forbidden => StatusCodes.Status403Forbidden,
                    CaseActions.Status.Conflict => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status422UnprocessableEntity,
                };
                await LoadAsync(cancellationToken);
                return Page();
        }
    }

    public async Task<IActionResult> OnPostAssignAsync(string? officer, CancellationToken cancellationToken)
    {
        var result = await new CaseAssignment(db, audit).RunAsync(User.Agency(), User.UserName(), [Id], officer, cancellationToken);
        switch (result.Status)
        {
            case CaseAssignment.Status.Done:
                TempData["Message"] = result.Unchanged ? result.Message : result.Assignee is null ? "已取消指派。" : $"已指派给 {result.Assignee}。";
                return RedirectToPage(new { Id });
            case CaseAssignment.Status.NotFound:
                return NotFound();
            default:
                Error = result.Message;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await LoadAsync(cancellationToken);
                return Page();
        }
    }

    /// <summary>Which replies the office head approves before they are issued (shown on the decision form).</summary>
    public Gongkai.Domain.Applications.ApprovalPolicy ApprovalPolicy => casework.Approval;

    private async Task<bool> LoadAsync(CancellationToken cancel)
    {
        // The case, its history and its assigned officer in one read.
        if (await new CaseStore(db).LoadAsync(db.Applications.Where(a => a.Id == Id), cancel) is not [var (found, officer)]
            || found.AgencyCode != User.Agency())
        {
            return false;
        }

        Case = found;
        AssignedOfficer = officer;
        Today = ChinaDate.Today(time);
        Deadline = found.ReplyDeadline(calendar, DeadlinePolicy.Default, Today);
        Officers = await new CaseAssignment(db, audit).AssigneesAsync(found.AgencyCode, cancel);
        var accounts = await db.StaffUsers.AsNoTracking().Where(u => u.AgencyCode == found.AgencyCode)
            .Select(u => new { u.UserName, u.DisplayName, u.Disabled }).ToListAsync(cancel);
        Names = accounts.ToDictionary(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal);
        DisabledAccounts = accounts.Where(u => u.Disabled).Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);
        Reviews = (await db.Reviews.AsNoTracking().Where(r => r.AgencyCode == found.AgencyCode && r.ApplicationId == Id).OrderBy(r => r.FiledOn).ToListAsync(cancel))
            .Select(r => new ReviewCase(r.Id, r.AgencyCode, r.ApplicationId, (ReviewKind)r.Kind, r.FiledOn, (ReviewResult)r.Result, r.DecidedOn, r.CoDefendant))
            .ToList();
        Trail = await audit.RecentAsync(found.AgencyCode, 100, target: found.TrackingNumber, cancel: cancel);
        Notices = Enum.GetValues<NoticeKind>().Where(k => Notice.Exists(k, found)).ToList();
        return true;
    }

    /// <summary>
    /// The actions the case's state allows now, in the order of the process (补正 → 征求意见 → 收费 → 延长 → 答复): the
    /// steps that pause or prolong the period come before the decision that ends it. The aggregate still checks every
    /// rule when one is submitted.
    /// </summary>
    public IEnumerable<CaseAction> Available() => Case.State switch
    {
        ApplicationState.InProgress => new[]
        {
            CaseAction.RequestCorrection, CaseAction.StartConsultation, CaseAction.IssueFeeNotice,
            CaseAction.Extend, CaseAction.SetLaterDeadline, CaseAction.Decide,
        }.Where(a => a != CaseAction.RequestCorrection || !Case.CorrectionRequested).Where(a => a != CaseAction.Extend || Case.ExtensionDays == 0),
        ApplicationState.AwaitingCorrection => [CaseAction.RecordCorrection, CaseAction.CloseForMissedCorrection],
        ApplicationState.Consulting => new[] { CaseAction.EndConsultation, CaseAction.Extend, CaseAction.SetLaterDeadline }
            .Where(a => a != CaseAction.Extend || Case.ExtensionDays == 0),
        ApplicationState.AwaitingPayment => [CaseAction.RecordPayment, CaseAction.CloseForUnpaidFee],
        ApplicationState.Closed => [],
        // The clock keeps running while the head reviews: an extension may still be needed.
        ApplicationState.AwaitingApproval => new[] { CaseAction.Extend, CaseAction.SetLaterDeadline }.Where(a => a != CaseAction.Extend || Case.ExtensionDays == 0),
    };

    public enum StepState
    {
        Pending,
        Current,
        Done,
    }

    /// <summary>The process as steps (受理 → 补正 → 征求意见 → 收费 → 延长 → 答复) and where this case stands in it.</summary>
    public IReadOnlyList<(string Label, StepState State)> Steps()
    {
        bool Had(params ApplicationEventKind[] kinds) => Case.Events.Any(e => kinds.Contains(e.Kind));
        StepState Step(bool current, bool done) => current ? StepState.Current : done ? StepState.Done : StepState.Pending;
        return
        [
            ("受理", StepState.Done),
            ("补正", Step(Case.State == ApplicationState.AwaitingCorrection, Had(ApplicationEventKind.CorrectionRequested))),
            ("征求意见", Step(Case.State == ApplicationState.Consulting, Had(ApplicationEventKind.ConsultationStarted))),
            ("收费", Step(Case.State == ApplicationState.AwaitingPayment, Had(ApplicationEventKind.FeeNoticeIssued))),
            ("延长", Step(false, Had(ApplicationEventKind.Extended, ApplicationEventKind.LaterDeadlineSet))),
            ("答复", Step(Case.State is ApplicationState.InProgress or ApplicationState.AwaitingApproval, Case.State == ApplicationState.Closed)),
        ];
    }

    public static string Date(DateOnly? d) => d is { } v ? CaseActions.Date(v) : string.Empty;
}
