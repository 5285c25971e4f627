namespace Gongkai.Domain.Applications;

/// <summary>
/// 答复审核: a reply the <see cref="ApprovalPolicy"/> names is submitted to the head of the disclosure office, who
/// issues it by approving it or returns it with a note. The reply period keeps running meanwhile (条例第三十三条 has
/// no pause for internal review): the reply is issued, and the case decided, on the day of approval.
/// </summary>
public sealed partial class DisclosureApplication
{
    /// <summary>The reply waiting for the head's approval, or null.</summary>
    public DecisionProposal? Proposal { get; private set; }

    /// <summary>Approves the submitted reply: it is issued and the case is decided on <paramref name="on"/>.</summary>
    /// <param name="byOfficeHead">Whether the actor is the head of the disclosure office: an officer cannot approve.</param>
    public CaseResult ApproveDecision(DateOnly on, DateTimeOffset recordedAt, string actor, bool byOfficeHead)
    {
        if (Refusal(on, byOfficeHead, "审核") is { } refused)
        {
            return refused;
        }

        // Four eyes: the approval is a second person's check of the reply, so a head who drafted and submitted the reply
        // (a head deciding a case is submitted like a clerk) cannot approve it; another head does, or the head returns it.
        if (string.Equals(Proposal!.ProposedBy, actor, StringComparison.Ordinal))
        {
            return Refuse("不能审核同意本人报送的答复意见：答复意见须由报送人以外的负责人审核同意");
        }

        var proposal = Proposal!;
        Proposal = null;
        State = ApplicationState.InProgress;
        Record(ApplicationEventKind.DecisionApproved, on, recordedAt, actor, $"负责人审核同意{proposal.ProposedBy}报送的答复意见：{proposal.Outcome.PublicLabel()}");
        return Close(proposal.Outcome, on, proposal.ReplyText, recordedAt, actor);
    }

    /// <summary>Returns the submitted reply to the officer with the head's note; the case is in progress again.</summary>
    public CaseResult ReturnDecision(DateOnly on, string note, DateTimeOffset recordedAt, string actor, bool byOfficeHead)
    {
        if (Refusal(on, byOfficeHead, "退回") is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return Refuse("退回答复意见应写明退回的理由或修改意见");
        }

        var proposal = Proposal!;
        Proposal = null;
        State = ApplicationState.InProgress;
        Record(ApplicationEventKind.DecisionReturned, on, recordedAt, actor, $"负责人退回{proposal.ProposedBy}报送的答复意见（{proposal.Outcome.PublicLabel()}）：{note.Trim()}");
        return CaseResult.Ok;
    }

    private CaseResult SubmitForApproval(Outcome outcome, DateOnly on, string replyText, DateTimeOffset recordedAt, string actor)
    {
        if (on < ReceivedOn)
        {
            return Refuse("报送审核的日期不能早于收到申请之日");
        }

        Proposal = new DecisionProposal(outcome, on, replyText, actor);
        State = ApplicationState.AwaitingApproval;
        Record(ApplicationEventKind.DecisionSubmitted, on, recordedAt, actor, $"拟答复：{outcome.PublicLabel()}（{outcome.LegalBasis()}），报请公开办负责人审核");
        return CaseResult.Ok;
    }

    private CaseResult? Refusal(DateOnly on, bool byOfficeHead, string what)
    {
        if (State != ApplicationState.AwaitingApproval || Proposal is null)
        {
            return Refuse("本申请没有等待审核的答复意见");
        }

        if (!byOfficeHead)
        {
            return Refuse($"答复意见须由政府信息公开工作机构负责人{what}，办理人员不能{what}");
        }

        return on < Proposal.On ? Refuse($"{what}日期不能早于报送审核之日（{Proposal.On:yyyy-MM-dd}）") : null;
    }
}
