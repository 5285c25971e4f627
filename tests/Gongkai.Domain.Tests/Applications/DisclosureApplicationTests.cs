using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Tests.Applications;

public sealed class DisclosureApplicationTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;
    private static readonly DeadlinePolicy Policy = DeadlinePolicy.Default;
    private static readonly DateTimeOffset At = new(2024, 9, 30, 8, 0, 0, TimeSpan.Zero);

    private static DisclosureApplication New(DateOnly? received = null) => DisclosureApplication.Receive(
        Guid.NewGuid(), "DEMO", "GK2024-0001", new Applicant(ApplicantCategory.NaturalPerson, "张三", "110101199001011237", "13800000000"),
        "2024年本区老旧小区改造项目清单", "电子邮件", ReceiptChannel.Online, received ?? new DateOnly(2024, 9, 30), At, "clerk");

    [Fact]
    public void Receive_ClockRuns_DueIn20WorkingDays()
    {
        var a = New();

        Assert.Equal(ApplicationState.InProgress, a.State);
        Assert.Equal(new DateOnly(2024, 11, 1), a.ReplyDeadline(Calendar, Policy, new DateOnly(2024, 10, 1))!.Due);
        Assert.Single(a.Events);
        Assert.Equal("110***********1237", a.Applicant.MaskedIdProof);
    }

    [Fact]
    public void Correction_RestartsThePeriodFromTheCorrectedApplication()
    {
        var a = New();

        Assert.True(a.RequestCorrection(new DateOnly(2024, 10, 9), new DateOnly(2024, 10, 25), "请说明所需信息的具体名称", At, "clerk", Calendar, Policy).Succeeded);
        Assert.Null(a.ReplyDeadline(Calendar, Policy, new DateOnly(2024, 10, 10)));
        Assert.True(a.RecordCorrection(new DateOnly(2024, 10, 21), "已补正", At, "clerk").Succeeded);

        Assert.Equal(new DateOnly(2024, 10, 21), a.ReceivedOn);
        Assert.Equal(new DateOnly(2024, 9, 30), a.FirstReceivedOn);
        Assert.Equal(WorkingDays.Add(Calendar, new DateOnly(2024, 10, 21), 20), a.ReplyDeadline(Calendar, Policy, new DateOnly(2024, 10, 22))!.Due);
    }

    [Fact]
    public void Correction_AfterSevenWorkingDays_Refused()
    {
        var a = New();

        // 7 working days after 2024-09-30 end on 10-15 (国庆 skipped, 10-12 counted).
        var late = a.RequestCorrection(new DateOnly(2024, 10, 16), new DateOnly(2024, 10, 30), "x", At, "clerk", Calendar, Policy);
        var inTime = a.RequestCorrection(new DateOnly(2024, 10, 15), new DateOnly(2024, 10, 30), "x", At, "clerk", Calendar, Policy);

        Assert.False(late.Succeeded);
        Assert.Contains("7 个工作日", late.Error, StringComparison.Ordinal);
        Assert.True(inTime.Succeeded);
    }

    [Fact]
    public void Correction_OnlyOnce()
    {
        var a = New();
        a.RequestCorrection(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 20), "x", At, "clerk", Calendar, Policy);
        a.RecordCorrection(new DateOnly(2024, 10, 18), "ok", At, "clerk");

        var again = a.RequestCorrection(new DateOnly(2024, 10, 21), new DateOnly(2024, 10, 30), "y", At, "clerk", Calendar, Policy);

        Assert.False(again.Succeeded);
        Assert.Contains("一次性", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissedCorrection_ClosesAsOtherHandling1()
    {
        var a = New();
        a.RequestCorrection(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 20), "x", At, "clerk", Calendar, Policy);

        Assert.False(a.CloseForMissedCorrection(new DateOnly(2024, 10, 20), At, "clerk").Succeeded);
        Assert.True(a.CloseForMissedCorrection(new DateOnly(2024, 10, 21), At, "clerk").Succeeded);
        Assert.Equal(Outcome.OtherCorrectionOverdue, a.Outcome);
        Assert.Equal("apps.outcome.other.correction_overdue", a.Outcome!.Value.RowKey());
    }

    [Fact]
    public void Extension_NeedsOfficeHeadAndAtMost20Days()
    {
        var a = New();
        var on = new DateOnly(2024, 10, 28);

        Assert.Contains("负责人同意", a.Extend(10, on, approvedByOfficeHead: false, "复杂", At, "clerk", Calendar, Policy).Error, StringComparison.Ordinal);
        Assert.False(a.Extend(21, on, approvedByOfficeHead: true, "复杂", At, "head", Calendar, Policy).Succeeded);
        Assert.True(a.Extend(20, on, approvedByOfficeHead: true, "复杂", At, "head", Calendar, Policy).Succeeded);
        Assert.False(a.Extend(5, on, approvedByOfficeHead: true, "再延", At, "head", Calendar, Policy).Succeeded);
        Assert.Equal(WorkingDays.Add(Calendar, new DateOnly(2024, 9, 30), 40), a.ReplyDeadline(Calendar, Policy, on)!.Due);
    }

    [Fact]
    public void LaterDeadline_Article35_ReplacesTheCountedDueDateAndExplainsIt()
    {
        var a = New();
        var on = new DateOnly(2024, 10, 14);

        Assert.False(a.SetLaterDeadline(new DateOnly(2024, 10, 31), on, "申请 300 件", At, "head", Calendar, Policy).Succeeded);
        Assert.False(a.SetLaterDeadline(new DateOnly(2024, 12, 31), on, " ", At, "head", Calendar, Policy).Succeeded);
        Assert.True(a.SetLaterDeadline(new DateOnly(2024, 12, 31), on, "申请 300 件，理由合理", At, "head", Calendar, Policy).Succeeded);

        var deadline = a.ReplyDeadline(Calendar, Policy, on)!;
        Assert.Equal(new DateOnly(2024, 11, 1), deadline.Due);
        Assert.Equal(new DateOnly(2024, 12, 31), deadline.EffectiveDue);
        Assert.Contains(deadline.Explain(), l => l.StartsWith("条例第三十五条", StringComparison.Ordinal));
    }

    [Fact]
    public void Consultation_TimeNotCounted()
    {
        var a = New(new DateOnly(2023, 3, 1));

        a.StartConsultation(new DateOnly(2023, 3, 6), "第三方", At, "clerk");
        Assert.False(a.Decide(Outcome.Granted, new DateOnly(2023, 3, 7), "公开", At, "clerk").Succeeded);
        a.EndConsultation(new DateOnly(2023, 3, 10), "第三方同意公开", At, "clerk");

        Assert.Equal(new DateOnly(2023, 4, 6), a.ReplyDeadline(Calendar, Policy, new DateOnly(2023, 3, 13))!.Due);
    }

    [Fact]
    public void Fee_UnpaidAfter20WorkingDays_ClosesAsOtherHandling2()
    {
        var a = New(new DateOnly(2025, 3, 3));
        Assert.True(a.IssueFeeNotice(new DateOnly(2025, 3, 10), 300m, "按件计收", At, "clerk", Calendar, Policy).Succeeded);
        var due = a.PaymentDue(Calendar, Policy)!.Value;

        Assert.False(a.CloseForUnpaidFee(due, At, "clerk", Calendar, Policy).Succeeded);
        Assert.True(a.CloseForUnpaidFee(due.AddDays(1), At, "clerk", Calendar, Policy).Succeeded);
        Assert.Equal(Outcome.OtherFeeUnpaid, a.Outcome);
    }

    [Fact]
    public void Fee_PaidInTime_ClockResumesWithWaitNotCounted()
    {
        var a = New(new DateOnly(2025, 3, 3));
        a.IssueFeeNotice(new DateOnly(2025, 3, 10), 300m, "按件计收", At, "clerk", Calendar, Policy);

        Assert.True(a.RecordPayment(new DateOnly(2025, 3, 14), At, "clerk", Calendar, Policy).Succeeded);
        Assert.Equal(ApplicationState.InProgress, a.State);
        Assert.Equal(4, a.ReplyDeadline(Calendar, Policy, new DateOnly(2025, 3, 17))!.Count(DayTreatment.Paused));
    }

    [Fact]
    public void Decide_RecordsOneOutcomeAndRefusesASecond()
    {
        var a = New();

        Assert.True(a.Decide(Outcome.Partial, new DateOnly(2024, 10, 20), "部分公开，其余涉及个人隐私", At, "clerk").Succeeded);
        var again = a.Decide(Outcome.Granted, new DateOnly(2024, 10, 21), "公开", At, "clerk");

        Assert.False(again.Succeeded);
        Assert.Equal(Outcome.Partial, a.Outcome);
        Assert.Equal(ApplicationState.Closed, a.State);
        Assert.Equal(2, a.Events.Count);
        Assert.Equal(2, a.Version);
    }

    [Theory]
    [InlineData(Outcome.OtherCorrectionOverdue)]
    [InlineData(Outcome.OtherFeeUnpaid)]
    public void Decide_SpecialOtherOutcomes_OnlyThroughTheirOwnTransition(Outcome outcome) =>
        Assert.False(New().Decide(outcome, new DateOnly(2024, 10, 20), "x", At, "clerk").Succeeded);

    [Fact]
    public void Decide_WhileAwaitingCorrection_Refused()
    {
        var a = New();
        a.RequestCorrection(new DateOnly(2024, 10, 8), new DateOnly(2024, 10, 20), "x", At, "clerk", Calendar, Policy);

        Assert.Contains("补正", a.Decide(Outcome.Granted, new DateOnly(2024, 10, 9), "x", At, "clerk").Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcomes_EveryOutcomeIsATable3Row()
    {
        var rows = Gongkai.Domain.Reports.ReportSchema.Edition2021.OutcomeRowKeys;

        Assert.Equal(rows.Count, Enum.GetValues<Outcome>().Length);
        Assert.All(Enum.GetValues<Outcome>(), o => Assert.Contains(o.RowKey(), rows));
        Assert.All(Enum.GetValues<Outcome>(), o => Assert.Contains(o.RowKey(Gongkai.Domain.Reports.ReportEdition.Edition2019), Gongkai.Domain.Reports.ReportSchema.Edition2019.OutcomeRowKeys));
    }
}
