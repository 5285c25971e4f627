using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Applications;

/// <summary>
/// 政府信息公开申请 — one application for disclosure and its handling (条例第二十七条至第四十五条). State
/// changes only through methods that refuse illegal transitions; every change is an event with its
/// statutory date, the time it was recorded, the actor and the text; the final decision is one outcome row
/// of table 三.
/// </summary>
public sealed partial class DisclosureApplication
{
    private readonly List<ApplicationEvent> _events = [];
    private readonly List<Pause> _pauses = [];

    private DisclosureApplication()
    {
    }

    public Guid Id { get; private set; }

    public string AgencyCode { get; private set; } = string.Empty;

    /// <summary>The public tracking number (受理编号).</summary>
    public string TrackingNumber { get; private set; } = string.Empty;

    public Applicant Applicant { get; private set; } = null!;

    /// <summary>所需政府信息的名称、文号或者便于查询的其他特征性描述.</summary>
    public string Request { get; private set; } = string.Empty;

    /// <summary>获取信息的方式和途径 (form and channel of delivery).</summary>
    public string Delivery { get; private set; } = string.Empty;

    public ReceiptChannel Channel { get; private set; }

    /// <summary>The first receipt date: decides the year the application is "new" in (table 三 一).</summary>
    public DateOnly FirstReceivedOn { get; private set; }

    /// <summary>Day 0 of the reply period: the receipt date, or the corrected application's (条例第三十条).</summary>
    public DateOnly ReceivedOn { get; private set; }

    public ApplicationState State { get; private set; }

    public int ExtensionDays { get; private set; }

    /// <summary>条例第三十五条: a later reasonable deadline set by the agency, if any.</summary>
    public DateOnly? AgreedDeadline { get; private set; }

    public DateOnly? CorrectionDeadline { get; private set; }

    public bool CorrectionRequested { get; private set; }

    public DateOnly? FeeNoticeOn { get; private set; }

    public decimal? FeeAmount { get; private set; }

    public Outcome? Outcome { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string ReplyText { get; private set; } = string.Empty;

    /// <summary>Optimistic concurrency: incremented on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ApplicationEvent> Events => _events;

    public IReadOnlyList<Pause> Pauses => _pauses;

    /// <summary>Registers a received application (条例第二十九条、第三十一条).</summary>
    public static DisclosureApplication Receive(
        Guid id, string agencyCode, string trackingNumber, Applicant applicant, string request, string delivery,
        ReceiptChannel channel, DateOnly receivedOn, DateTimeOffset recordedAt, string actor)
    {
        var application = new DisclosureApplication
        {
            Id = id,
            AgencyCode = agencyCode,
            TrackingNumber = trackingNumber,
            Applicant = applicant,
            Request = request,
            Delivery = delivery,
            Channel = channel,
            FirstReceivedOn = receivedOn,
            ReceivedOn = receivedOn,
            State = ApplicationState.InProgress,
        };
        application.Record(ApplicationEventKind.Received, receivedOn, recordedAt, actor, $"收到申请（{channel.Label()}）：{channel.ReceiptRule()}");
        return application;
    }

    /// <summary>Restores a stored application (persistence only).</summary>
    public static DisclosureApplication Restore(
        Guid id, string agencyCode, string trackingNumber, Applicant applicant, string request, string delivery, ReceiptChannel channel,
        DateOnly firstReceivedOn, DateOnly receivedOn, ApplicationState state, int extensionDays, bool correctionRequested,
        DateOnly? correctionDeadline, DateOnly? feeNoticeOn, decimal? feeAmount, Outcome? outcome, DateOnly? decidedOn, string replyText,
        int version, IEnumerable<ApplicationEvent> events, IEnumerable<Pause> pauses, DateOnly? agreedDeadline = null, DecisionProposal? proposal = null)
    {
        var a = new DisclosureApplication
        {
            Id = id,
            AgencyCode = agencyCode,
            TrackingNumber = trackingNumber,
            Applicant = applicant,
            Request = request,
            Delivery = delivery,
            Channel = channel,
            FirstReceivedOn = firstReceivedOn,
            ReceivedOn = receivedOn,
            State = state,
            ExtensionDays = extensionDays,
            CorrectionRequested = correctionRequested,
            CorrectionDeadline = correctionDeadline,
            FeeNoticeOn = feeNoticeOn,
            FeeAmount = feeAmount,
            Outcome = outcome,
            DecidedOn = decidedOn,
            ReplyText = replyText,
            Version = version,
            AgreedDeadline = agreedDeadline,
            Proposal = proposal,
        };
        a._events.AddRange(events);
        a._pauses.AddRange(pauses);
        return a;
    }

    /// <summary>延期答复 (条例第三十三条第二款): approved by the head of the OGI office, at most 20 working days, once.</summary>
    public CaseResult Extend(int days, DateOnly on, bool approvedByOfficeHead, string reason, DateTimeOffset recordedAt, string actor, WorkingDayCalendar calendar, DeadlinePolicy policy)
    {
        if (State is ApplicationState.Closed or ApplicationState.AwaitingCorrection)
        {
            return Refuse("已办结或待补正的申请不能延期");
        }

        if (!approvedByOfficeHead)
        {
            return Refuse("延长答复期限须经政府信息公开工作机构负责人同意（条例第三十三条第二款）");
        }

        if (ExtensionDays > 0)
        {
            return Refuse("本申请已经延期过");
        }

        if (days < 1 || days > policy.MaxExtensionDays)
        {
            return Refuse($"延长的期限最长不得超过 {policy.MaxExtensionDays} 个工作日");
        }

        if (on > ReplyDeadline(calendar, policy, on)!.EffectiveDue)
        {
            return Refuse("答复期限已届满，不能再延期");
        }

        ExtensionDays = days;
        Record(ApplicationEventKind.Extended, on, recordedAt, actor, $"经负责人同意延长答复期限 {days} 个工作日，并告知申请人：{reason}");
        return CaseResult.Ok;
    }

    /// <summary>
    /// 条例第三十五条: when the number or frequency of requests clearly exceeds a reasonable range but the reasons
    /// given are reasonable and the request cannot be answered within the statutory period, the agency sets a
    /// reasonable later deadline and notifies the applicant.
    /// </summary>
    public CaseResult SetLaterDeadline(DateOnly due, DateOnly on, string reason, DateTimeOffset recordedAt, string actor, WorkingDayCalendar calendar, DeadlinePolicy policy)
    {
        if (State is ApplicationState.Closed or ApplicationState.AwaitingCorrection)
        {
            return Refuse("已办结或待补正的申请不能确定延迟答复期限");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refuse("应说明申请数量、频次超过合理范围的情况及申请人的理由");
        }

        var counted = ReplyDeadline(calendar, policy, on)!;
        if (on > counted.EffectiveDue)
        {
            return Refuse("答复期限已届满，不能再确定延迟答复期限");
        }

        if (due <= counted.EffectiveDue)
        {
            return Refuse($"延迟答复的期限应晚于现有期限 {counted.EffectiveDue:yyyy-MM-dd}");
        }

        AgreedDeadline = due;
        Record(ApplicationEventKind.LaterDeadlineSet, on, recordedAt, actor, $"依条例第三十五条确定延迟答复的合理期限为 {due:yyyy-MM-dd}，并告知申请人：{reason}");
        return CaseResult.Ok;
    }

    /// <summary>征求第三方或其他机关意见 (条例第三十二条、第三十四条): the time is not counted (第三十三条第三款).</summary>
    public CaseResult StartConsultation(DateOnly on, string party, DateTimeOffset recordedAt, string actor)
    {
        if (State != ApplicationState.InProgress)
        {
            return Refuse("只有办理中的申请才能开始征求意见");
        }

        if (on < ReceivedOn)
        {
            return Refuse("征求意见的日期不能早于收到申请之日");
        }

        State = ApplicationState.Consulting;
        _pauses.Add(new Pause(on, DateOnly.MaxValue, "征求" + party + "意见"));
        Record(ApplicationEventKind.ConsultationStarted, on, recordedAt, actor, $"书面征求{party}意见（对方应在 15 个工作日内答复）");
        return CaseResult.Ok;
    }

    public CaseResult EndConsultation(DateOnly on, string answer, DateTimeOffset recordedAt, string actor)
    {
        if (State != ApplicationState.Consulting)
        {
            return Refuse("本申请不在征求意见中");
        }

        var open = _pauses[^1];
        if (on < open.From)
        {
            return Refuse("征求意见的结束日期不能早于开始日期");
        }

        _pauses[^1] = open with { To = on };
        State = ApplicationState.InProgress;
        Record(ApplicationEventKind.ConsultationEnded, on, recordedAt, actor, "征求意见结束：" + answer);
        return CaseResult.Ok;
    }

    /// <summary>
    /// 答复 — the final decision: one outcome row of table 三 and the reply text. When <paramref name="approval"/>
    /// requires the office head's approval for this outcome, the reply is only submitted (<see cref="SubmitForApproval"/>)
    /// and issued when the head approves it. Null: no approval step (cases decided elsewhere: imports, demo data).
    /// </summary>
    public CaseResult Decide(Outcome outcome, DateOnly on, string replyText, DateTimeOffset recordedAt, string actor, ApprovalPolicy? approval = null)
    {
        if (State is ApplicationState.Closed)
        {
            return Refuse("本申请已经办结");
        }

        if (State is not ApplicationState.InProgress)
        {
            return Refuse(State switch
            {
                ApplicationState.AwaitingCorrection => "待补正的申请只能在收到补正后答复，或在补正期限届满后按逾期不补正办结",
                ApplicationState.Consulting => "请先结束征求意见再作出答复",
                ApplicationState.AwaitingPayment => "待缴费的申请只能在缴费后答复，或按逾期未缴费办结",
                ApplicationState.AwaitingApproval => "答复意见正在等待公开办负责人审核，审核同意后即发出；如需修改，请负责人退回",
                _ => "当前状态不能答复",
            });
        }

        if (outcome is Applications.Outcome.OtherCorrectionOverdue or Applications.Outcome.OtherFeeUnpaid)
        {
            return Refuse("逾期不补正、逾期未缴费有各自的办结方式");
        }

        if (string.IsNullOrWhiteSpace(replyText))
        {
            return Refuse("答复应有答复内容");
        }

        return approval is { } policy && policy.Requires(outcome)
            ? SubmitForApproval(outcome, on, replyText, recordedAt, actor)
            : Close(outcome, on, replyText, recordedAt, actor);
    }

    /// <summary>The reply deadline as of <paramref name="today"/>; null while waiting for a correction (the clock is stopped).</summary>
    public Deadline? ReplyDeadline(WorkingDayCalendar calendar, DeadlinePolicy policy, DateOnly today)
    {
        if (State == ApplicationState.AwaitingCorrection)
        {
            return null;
        }

        var pauses = _pauses.Select(p => p.To == DateOnly.MaxValue ? p with { To = today > p.From ? today : p.From } : p).ToArray();
        var basis = ExtensionDays > 0
            ? $"条例第三十三条：自收到申请之日起 {policy.ReplyDays} 个工作日内答复，经批准延长 {ExtensionDays} 个工作日"
            : $"条例第三十三条第二款：自收到申请之日起 {policy.ReplyDays} 个工作日内予以答复";
        return WorkingDays.Explain(calendar, ReceivedOn, policy.ReplyDays + ExtensionDays, basis, pauses) with { AgreedDue = AgreedDeadline };
    }

    /// <summary>Open at the end of <paramref name="day"/>: received by then and not decided by then.</summary>
    public bool IsOpenAt(DateOnly day) => FirstReceivedOn <= day && (DecidedOn is null || DecidedOn > day);

    private CaseResult Close(Outcome outcome, DateOnly on, string replyText, DateTimeOffset recordedAt, string actor)
    {
        if (on < ReceivedOn)
        {
            return Refuse("办结日期不能早于收到申请之日");
        }

        Outcome = outcome;
        DecidedOn = on;
        ReplyText = replyText;
        State = ApplicationState.Closed;
        Record(ApplicationEventKind.Decided, on, recordedAt, actor, $"办结：{outcome.PublicLabel()}（{outcome.LegalBasis()}）");
        return CaseResult.Ok;
    }

    private void Record(ApplicationEventKind kind, DateOnly on, DateTimeOffset recordedAt, string actor, string text)
    {
        _events.Add(new ApplicationEvent(kind, on, recordedAt, actor, text));
        Version++;
    }

    private static CaseResult Refuse(string reason) => CaseResult.Refused(reason);
}
