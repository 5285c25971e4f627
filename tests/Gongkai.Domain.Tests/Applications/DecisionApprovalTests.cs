using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>答复审核: replies other than 予以公开 (or all) wait for the office head; the clock keeps running.</summary>
public sealed class DecisionApprovalTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;
    private static readonly DeadlinePolicy Policy = DeadlinePolicy.Default;
    private static readonly DateTimeOffset At = new(2024, 9, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Received = new(2024, 9, 30);

    private static DisclosureApplication New() => DisclosureApplication.Receive(
        Guid.NewGuid(), "DEMO", "GK2024-0001", new Applicant(ApplicantCategory.NaturalPerson, "张三", "110101199001011237", "13800000000"),
        "2024年本区老旧小区改造项目清单", "电子邮件", ReceiptChannel.Online, Received, At, "clerk");

    private static DisclosureApplication Submitted(Outcome outcome = Outcome.Partial)
    {
        var a = New();
        Assert.True(a.Decide(outcome, new DateOnly(2024, 10, 10), "部分公开，删去第三方个人信息。", At, "clerk", ApprovalPolicy.AllButGranted).Succeeded);
        return a;
    }

    [Theory]
    [InlineData(ApprovalPolicy.AllButGranted, Outcome.Granted, false)]
    [InlineData(ApprovalPolicy.AllButGranted, Outcome.Partial, true)]
    [InlineData(ApprovalPolicy.AllButGranted, Outcome.WithheldStateSecret, true)]
    [InlineData(ApprovalPolicy.AllButGranted, Outcome.UnavailableNotHeld, true)]
    [InlineData(ApprovalPolicy.AllButGranted, Outcome.NotProcessedDuplicate, true)]
    [InlineData(ApprovalPolicy.All, Outcome.Granted, true)]
    [InlineData(ApprovalPolicy.All, Outcome.Partial, true)]
    public void Requires_ByPolicyAndOutcome(ApprovalPolicy policy, Outcome outcome, bool required) =>
        Assert.Equal(required, policy.Requires(outcome));

    [Fact]
    public void Decide_PartialUnderDefaultPolicy_WaitsForTheHead_NoOutcomeYet()
    {
        var a = Submitted();

        Assert.Equal(ApplicationState.AwaitingApproval, a.State);
        Assert.Null(a.Outcome);
        Assert.Null(a.DecidedOn);
        Assert.Equal(string.Empty, a.ReplyText);
        Assert.Equal(new DecisionProposal(Outcome.Partial, new DateOnly(2024, 10, 10), "部分公开，删去第三方个人信息。", "clerk"), a.Proposal);
        Assert.Equal(ApplicationEventKind.DecisionSubmitted, a.Events[^1].Kind);
        Assert.True(a.IsOpenAt(new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void Decide_GrantedUnderDefaultPolicy_IssuedAtOnce()
    {
        var a = New();

        Assert.True(a.Decide(Outcome.Granted, new DateOnly(2024, 10, 10), "予以公开。", At, "clerk", ApprovalPolicy.AllButGranted).Succeeded);

        Assert.Equal(ApplicationState.Closed, a.State);
        Assert.Equal(Outcome.Granted, a.Outcome);
    }

    [Fact]
    public void Decide_GrantedUnderAllPolicy_WaitsForTheHead()
    {
        var a = New();

        Assert.True(a.Decide(Outcome.Granted, new DateOnly(2024, 10, 10), "予以公开。", At, "clerk", ApprovalPolicy.All).Succeeded);

        Assert.Equal(ApplicationState.AwaitingApproval, a.State);
        Assert.Null(a.Outcome);
    }

    [Fact]
    public void Approve_ByAClerk_Refused_NothingChanges()
    {
        var a = Submitted();
        var version = a.Version;

        var result = a.ApproveDecision(new DateOnly(2024, 10, 11), At, "clerk2", byOfficeHead: false);

        Assert.False(result.Succeeded);
        Assert.Contains("负责人", result.Error, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.AwaitingApproval, a.State);
        Assert.Equal(version, a.Version);
    }

    [Fact]
    public void Approve_ByTheHeadWhoSubmittedIt_Refused_AnotherHeadApproves()
    {
        var a = New();
        Assert.True(a.Decide(Outcome.Partial, new DateOnly(2024, 10, 10), "部分公开。", At, "head", ApprovalPolicy.AllButGranted).Succeeded);
        var version = a.Version;

        var own = a.ApproveDecision(new DateOnly(2024, 10, 11), At, "head", byOfficeHead: true);

        Assert.False(own.Succeeded);
        Assert.Contains("本人报送", own.Error, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.AwaitingApproval, a.State);
        Assert.Equal(version, a.Version);
        Assert.True(a.ApproveDecision(new DateOnly(2024, 10, 11), At, "head2", byOfficeHead: true).Succeeded);
        Assert.Equal(ApplicationState.Closed, a.State);
    }

    [Fact]
    public void Approve_ByTheHead_IssuedAndDecidedOnTheApprovalDay()
    {
        var a = Submitted();

        Assert.True(a.ApproveDecision(new DateOnly(2024, 10, 14), At, "head", byOfficeHead: true).Succeeded);

        Assert.Equal(ApplicationState.Closed, a.State);
        Assert.Equal(Outcome.Partial, a.Outcome);
        Assert.Equal(new DateOnly(2024, 10, 14), a.DecidedOn);
        Assert.Equal("部分公开，删去第三方个人信息。", a.ReplyText);
        Assert.Null(a.Proposal);
        Assert.Equal([ApplicationEventKind.DecisionApproved, ApplicationEventKind.Decided], a.Events.TakeLast(2).Select(e => e.Kind));
        Assert.Equal("head", a.Events[^1].Actor);
    }

    [Fact]
    public void Approval_ClockKeepsRunning_DueDateUnchanged_LateApprovalIsALateReply()
    {
        var a = New();
        var due = a.ReplyDeadline(Calendar, Policy, Received)!.Due;
        Assert.True(a.Decide(Outcome.WithheldThirdPartyRights, due, "不予公开。", At, "clerk", ApprovalPolicy.AllButGranted).Succeeded);

        Assert.Equal(due, a.ReplyDeadline(Calendar, Policy, due.AddDays(10))!.Due);
        var after = WorkingDays.Add(Calendar, due, 1);
        Assert.True(a.ApproveDecision(after, At, "head", byOfficeHead: true).Succeeded);

        Assert.Equal(after, a.DecidedOn);
        Assert.True(a.IsLateReply(Calendar, Policy));
    }

    [Fact]
    public void Approve_BeforeTheDaySubmitted_Refused()
    {
        var a = Submitted();

        var result = a.ApproveDecision(new DateOnly(2024, 10, 9), At, "head", byOfficeHead: true);

        Assert.False(result.Succeeded);
        Assert.Contains("2024-10-10", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_WithoutANote_Refused()
    {
        var a = Submitted();

        Assert.False(a.ReturnDecision(new DateOnly(2024, 10, 11), "  ", At, "head", byOfficeHead: true).Succeeded);
        Assert.Equal(ApplicationState.AwaitingApproval, a.State);
    }

    [Fact]
    public void Return_WithANote_InProgressAgain_ThenDecidedAnew()
    {
        var a = Submitted();

        Assert.True(a.ReturnDecision(new DateOnly(2024, 10, 11), "请写明不公开部分的理由", At, "head", byOfficeHead: true).Succeeded);

        Assert.Equal(ApplicationState.InProgress, a.State);
        Assert.Null(a.Proposal);
        Assert.Contains("请写明不公开部分的理由", a.Events[^1].Text, StringComparison.Ordinal);
        Assert.True(a.Decide(Outcome.Partial, new DateOnly(2024, 10, 12), "部分公开；第三方个人信息依条例第十五条不予公开。", At, "clerk", ApprovalPolicy.AllButGranted).Succeeded);
        Assert.Equal(ApplicationState.AwaitingApproval, a.State);
    }

    [Fact]
    public void Decide_WhileAwaitingApproval_Refused()
    {
        var a = Submitted();

        var result = a.Decide(Outcome.Granted, new DateOnly(2024, 10, 11), "予以公开。", At, "clerk", ApprovalPolicy.AllButGranted);

        Assert.False(result.Succeeded);
        Assert.Contains("审核", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_NothingSubmitted_Refused() =>
        Assert.False(New().ApproveDecision(new DateOnly(2024, 10, 11), At, "head", byOfficeHead: true).Succeeded);

    [Theory]
    [MemberData(nameof(AllOutcomes))]
    public void PublicLabel_NoListNumber_NoCountingNote(Outcome outcome)
    {
        var label = outcome.PublicLabel();

        Assert.DoesNotContain("只计", label, StringComparison.Ordinal);
        Assert.DoesNotContain("区分处理", label, StringComparison.Ordinal);
        Assert.False(label.StartsWith('（'), label);
        Assert.False(char.IsDigit(label[0]), label);
    }

    public static TheoryData<Outcome> AllOutcomes() => new(Enum.GetValues<Outcome>());
}
