using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;

namespace Gongkai.UseCases.Applications;

/// <summary>The officers' actions on a case (条例第二十九条至第四十五条).</summary>
public enum CaseAction
{
    RequestCorrection,
    RecordCorrection,
    CloseForMissedCorrection,
    Extend,
    SetLaterDeadline,
    StartConsultation,
    EndConsultation,
    IssueFeeNotice,
    RecordPayment,
    CloseForUnpaidFee,
    Decide,

    /// <summary>The office head approves the submitted reply: it is issued (答复审核).</summary>
    ApproveDecision,

    /// <summary>The office head returns the submitted reply to the officer with a note.</summary>
    ReturnDecision,
}

/// <summary>What an officer entered for an action; each action reads the fields it needs.</summary>
public sealed class CaseCommand
{
    public CaseAction Action { get; set; }

    /// <summary>The statutory date of the step (告知日期、收到日期、办结日期…).</summary>
    public DateOnly? On { get; set; }

    /// <summary>补正期限 or the Art. 35 later deadline.</summary>
    public DateOnly? Until { get; set; }

    /// <summary>What to correct, the corrected text, the reason, the party consulted, the answer, the fee basis or the reply.</summary>
    public string? Text { get; set; }

    public int? Days { get; set; }

    public decimal? Amount { get; set; }

    public Outcome? Outcome { get; set; }
}

/// <summary>
/// Applies one officer action to a case: load, transition (the aggregate refuses illegal ones with the reason),
/// save against the version the officer saw (optimistic concurrency), and log it — done, refused or conflicting.
/// </summary>
/// <param name="approval">Which replies the office head approves before they are issued (<c>Gongkai:Approval:Outcomes</c>).</param>
/// <param name="letters">The bodies the reply letter names (<c>Gongkai:Letters</c>); null: the defaults.</param>
public sealed class CaseActions(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, AuditLog audit, ApprovalPolicy approval = ApprovalPolicy.AllButGranted, Notices.LetterSettings? letters = null)
{
    public enum Status
    {
        Done,
        Refused,
        Conflict,
        NotFound,
        Forbidden,
    }

    public sealed record Result(Status Status, string Message);

    public static string Label(CaseAction action) => action switch
    {
        CaseAction.RequestCorrection => "告知补正",
        CaseAction.RecordCorrection => "登记补正后的申请",
        CaseAction.CloseForMissedCorrection => "逾期不补正办结",
        CaseAction.Extend => "延长答复期限",
        CaseAction.SetLaterDeadline => "确定延迟答复期限（第三十五条）",
        CaseAction.StartConsultation => "开始征求意见",
        CaseAction.EndConsultation => "结束征求意见",
        CaseAction.IssueFeeNotice => "发出收费通知",
        CaseAction.RecordPayment => "登记缴费",
        CaseAction.CloseForUnpaidFee => "逾期未缴费办结",
        CaseAction.Decide => "作出答复并办结",
        CaseAction.ApproveDecision => "审核同意答复",
        CaseAction.ReturnDecision => "退回答复意见",
    };

    /// <summary>Runs one action: load, check the role and the version, ask the aggregate, save against the version, audit whatever happened, queue the applicant's e-mail.</summary>
    /// <param name="actor">The officer's user name.</param>
    /// <param name="agency">The officer's agency: a case of another agency is not found.</param>
    /// <param name="isOfficeHead">Whether the officer is the head of the disclosure office (or admin): approves extensions.</param>
    public async Task<Result> RunAsync(Guid id, int loadedVersion, CaseCommand command, string actor, string agency, bool isOfficeHead, CancellationToken cancel = default)
    {
        var store = new CaseStore(db);
        var application = await store.GetAsync(id, cancel);
        if (application is null || application.AgencyCode != agency)
        {
            return new Result(Status.NotFound, "没有这件申请");
        }

        var action = "case." + command.Action;
        if (command.Action == CaseAction.Extend && !isOfficeHead)
        {
            await audit.RecordAsync(actor, agency, action, application.TrackingNumber, "拒绝：延期须由公开办负责人批准", cancel);
            return new Result(Status.Forbidden, "延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条第二款），办理人员不能批准延期。");
        }

        if (command.Action is CaseAction.ApproveDecision or CaseAction.ReturnDecision && !isOfficeHead)
        {
            await audit.RecordAsync(actor, agency, action, application.TrackingNumber, "拒绝：答复审核须由公开办负责人办理", cancel);
            return new Result(Status.Forbidden, "答复意见须由政府信息公开工作机构负责人审核，办理人员不能审核。");
        }

        if (application.Version != loadedVersion)
        {
            await audit.RecordAsync(actor, agency, action, application.TrackingNumber, "冲突：页面打开后申请已被他人修改", cancel);
            return new Result(Status.Conflict, ConflictMessage);
        }

        var recorded = application.Events.Count;
        var outcome = Apply(application, command, actor, isOfficeHead);
        if (!outcome.Succeeded)
        {
            await audit.RecordAsync(actor, agency, action, application.TrackingNumber, "拒绝：" + outcome.Error, cancel);
            return new Result(Status.Refused, outcome.Error!);
        }

        if (await store.SaveAsync(application, loadedVersion, cancel) != SaveOutcome.Saved)
        {
            await audit.RecordAsync(actor, agency, action, application.TrackingNumber, "冲突：保存时申请已被他人修改", cancel);
            return new Result(Status.Conflict, ConflictMessage);
        }

        await NotifyAsync(command.Action, application, cancel);
        var late = application.State == ApplicationState.Closed && command.Action is CaseAction.Decide or CaseAction.ApproveDecision &&
            application.IsLateReply(calendar, DeadlinePolicy.Default);
        // An approval records two steps (审核同意, 办结): the audit entry names both.
        var steps = string.Join("；", application.Events.Skip(recorded).Select(e => e.Text));
        await audit.RecordAsync(actor, agency, action, application.TrackingNumber, "完成：" + steps + (late ? "（逾期答复）" : string.Empty), cancel);
        var done = command.Action == CaseAction.Decide && application.State == ApplicationState.AwaitingApproval
            ? "已报送公开办负责人审核。审核同意后答复才发出，答复期限照常计算。"
            : $"已{Label(command.Action)}。";
        return new Result(Status.Done, late ? $"{done}注意：答复晚于答复期限，记为逾期答复。" : done);
    }

    // Queues the e-mail the step owes the applicant (补正, 延期, 答复, 收费); the outbox sends it in the background.
    private async Task NotifyAsync(CaseAction action, DisclosureApplication application, CancellationToken cancel)
    {
        if (application.Applicant.Email is not { Length: > 0 })
        {
            return;
        }

        var context = await Notices.NoticeContext.LoadAsync(db, calendar, letters ?? new Notices.LetterSettings(), application, cancel);
        if (Notifications.ApplicantMails.After(action, application, context) is { } mail)
        {
            db.Add(new Notifications.Outbox(db, time).New(mail));
            await db.SaveChangesAsync(cancel);
            db.ChangeTracker.Clear();
        }
    }

    public const string ConflictMessage = "这件申请在您打开页面之后已被其他工作人员修改，您的操作没有保存。请查看最新办理情况后重新操作。";

    private CaseResult Apply(DisclosureApplication a, CaseCommand c, string actor, bool isOfficeHead)
    {
        var now = time.GetUtcNow();
        var policy = DeadlinePolicy.Default;
        if (c.On is not { } on)
        {
            return CaseResult.Refused("请填写日期");
        }

        // A step's statutory date is the day it happened: a future 办结 date would move the case into a later
        // year's table 三 and hide a late reply.
        if (on > Time.ChinaDate.Of(now))
        {
            return CaseResult.Refused($"日期不能晚于今天（{Date(Time.ChinaDate.Of(now))}）");
        }

        var text = c.Text?.Trim() ?? string.Empty;
        return c.Action switch
        {
            CaseAction.RequestCorrection => c.Until is { } by
                ? a.RequestCorrection(on, by, text, now, actor, calendar, policy)
                : CaseResult.Refused("请填写补正期限"),
            CaseAction.RecordCorrection => a.RecordCorrection(on, text.Length == 0 ? "申请人已补正" : text, now, actor),
            CaseAction.CloseForMissedCorrection => a.CloseForMissedCorrection(on, now, actor),
            CaseAction.Extend => c.Days is { } days
                ? string.IsNullOrEmpty(text) ? CaseResult.Refused("请填写延期理由") : a.Extend(days, on, approvedByOfficeHead: true, text, now, actor, calendar, policy)
                : CaseResult.Refused("请填写延长的工作日数"),
            CaseAction.SetLaterDeadline => c.Until is { } due
                ? a.SetLaterDeadline(due, on, text, now, actor, calendar, policy)
                : CaseResult.Refused("请填写延迟答复的期限"),
            CaseAction.StartConsultation => string.IsNullOrEmpty(text)
                ? CaseResult.Refused("请填写征求意见的对象")
                : a.StartConsultation(on, text, now, actor),
            CaseAction.EndConsultation => a.EndConsultation(on, text.Length == 0 ? "已收到意见" : text, now, actor),
            CaseAction.IssueFeeNotice => c.Amount is { } amount
                ? a.IssueFeeNotice(on, amount, text.Length == 0 ? "按件计收" : text, now, actor, calendar, policy)
                : CaseResult.Refused("请填写收费金额"),
            CaseAction.RecordPayment => a.RecordPayment(on, now, actor, calendar, policy),
            CaseAction.CloseForUnpaidFee => a.CloseForUnpaidFee(on, now, actor, calendar, policy),
            CaseAction.Decide => c.Outcome is { } outcome
                ? a.Decide(outcome, on, text, now, actor, approval)
                : CaseResult.Refused("请选择办理结果"),
            CaseAction.ApproveDecision => a.ApproveDecision(on, now, actor, isOfficeHead),
            CaseAction.ReturnDecision => a.ReturnDecision(on, text, now, actor, isOfficeHead),
        };
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
