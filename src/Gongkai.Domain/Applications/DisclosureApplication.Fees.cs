using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Applications;

/// <summary>信息处理费 transitions of the application (条例第四十二条, F-08).</summary>
public sealed partial class DisclosureApplication
{
    /// <summary>信息处理费 (条例第四十二条, F-08): a fee notice within the processing period.</summary>
    public CaseResult IssueFeeNotice(DateOnly on, decimal amount, string basis, DateTimeOffset recordedAt, string actor, WorkingDayCalendar calendar, DeadlinePolicy policy)
    {
        if (State != ApplicationState.InProgress)
        {
            return Refuse("只有办理中的申请才能发出收费通知");
        }

        if (amount <= 0)
        {
            return Refuse("收费金额应大于 0");
        }

        if (on > ReplyDeadline(calendar, policy, on)!.EffectiveDue)
        {
            return Refuse("收费通知应在答复期限内发出");
        }

        FeeNoticeOn = on;
        FeeAmount = amount;
        State = ApplicationState.AwaitingPayment;
        if (policy.FeeWaitPausesClock)
        {
            // The notice day is a processing day; the wait runs from the next day (F-08) to the payment day.
            _pauses.Add(new Pause(on.AddDays(1), DateOnly.MaxValue, "等待缴纳信息处理费"));
        }

        Record(ApplicationEventKind.FeeNoticeIssued, on, recordedAt, actor, $"发出收费通知：{amount:0.##} 元（{basis}），应自收到通知次日起 {policy.FeePaymentDays} 个工作日内缴纳");
        return CaseResult.Ok;
    }

    public CaseResult RecordPayment(DateOnly on, DateTimeOffset recordedAt, string actor, WorkingDayCalendar calendar, DeadlinePolicy policy)
    {
        if (State != ApplicationState.AwaitingPayment)
        {
            return Refuse("本申请不在待缴费状态");
        }

        if (on > PaymentDue(calendar, policy))
        {
            return Refuse($"缴费期限 {PaymentDue(calendar, policy):yyyy-MM-dd} 已过，应按逾期未缴费处理");
        }

        EndFeePause(on, policy);
        State = ApplicationState.InProgress;
        Record(ApplicationEventKind.FeePaid, on, recordedAt, actor, "申请人已缴纳信息处理费");
        return CaseResult.Ok;
    }

    /// <summary>Not paid in time: no longer processed (其他处理 2).</summary>
    public CaseResult CloseForUnpaidFee(DateOnly on, DateTimeOffset recordedAt, string actor, WorkingDayCalendar calendar, DeadlinePolicy policy)
    {
        if (State != ApplicationState.AwaitingPayment)
        {
            return Refuse("本申请不在待缴费状态");
        }

        if (on <= PaymentDue(calendar, policy))
        {
            return Refuse($"缴费期限 {PaymentDue(calendar, policy):yyyy-MM-dd} 尚未届满");
        }

        EndFeePause(on, policy);
        return Close(Applications.Outcome.OtherFeeUnpaid, on, "申请人逾期未按收费通知要求缴纳费用，不再处理。", recordedAt, actor);
    }

    /// <summary>The last day to pay a fee (F-08).</summary>
    public DateOnly? PaymentDue(WorkingDayCalendar calendar, DeadlinePolicy policy) =>
        FeeNoticeOn is { } notice ? WorkingDays.Add(calendar, notice, policy.FeePaymentDays) : null;

    private void EndFeePause(DateOnly on, DeadlinePolicy policy)
    {
        if (policy.FeeWaitPausesClock && _pauses.Count > 0 && _pauses[^1].To == DateOnly.MaxValue)
        {
            _pauses[^1] = _pauses[^1] with { To = on };
        }
    }
}
