using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Applications;

/// <summary>补正 transitions of the application (条例第三十条).</summary>
public sealed partial class DisclosureApplication
{
    /// <summary>
    /// 补正 (条例第三十条): once, within 7 working days of receipt, naming everything to correct and a
    /// reasonable deadline. The reply clock stops until the corrected application arrives.
    /// </summary>
    public CaseResult RequestCorrection(DateOnly on, DateOnly correctBy, string whatToCorrect, DateTimeOffset recordedAt, string actor, WorkingDayCalendar calendar, DeadlinePolicy policy)
    {
        if (State != ApplicationState.InProgress)
        {
            return Refuse("只有办理中的申请才能要求补正");
        }

        if (CorrectionRequested)
        {
            return Refuse("补正应一次性告知（条例第三十条），本申请已经要求过补正");
        }

        var noticeDue = WorkingDays.Add(calendar, ReceivedOn, policy.CorrectionNoticeDays);
        if (on < ReceivedOn || on > noticeDue)
        {
            return Refuse($"补正告知应在收到申请之日起 {policy.CorrectionNoticeDays} 个工作日内（{ReceivedOn:yyyy-MM-dd} 至 {noticeDue:yyyy-MM-dd}）发出");
        }

        if (correctBy <= on)
        {
            return Refuse("补正期限应晚于告知日期");
        }

        if (string.IsNullOrWhiteSpace(whatToCorrect))
        {
            return Refuse("补正告知应写明需要补正的事项");
        }

        CorrectionRequested = true;
        CorrectionDeadline = correctBy;
        State = ApplicationState.AwaitingCorrection;
        Record(ApplicationEventKind.CorrectionRequested, on, recordedAt, actor, $"告知补正，补正期限 {correctBy:yyyy-MM-dd}：{whatToCorrect}");
        return CaseResult.Ok;
    }

    /// <summary>The corrected application arrived: the reply period restarts from this day (条例第三十条).</summary>
    public CaseResult RecordCorrection(DateOnly receivedOn, string text, DateTimeOffset recordedAt, string actor)
    {
        if (State != ApplicationState.AwaitingCorrection)
        {
            return Refuse("本申请不在待补正状态");
        }

        if (receivedOn < _events[^1].Date)
        {
            return Refuse("补正材料的收到日期不能早于补正告知日期");
        }

        ReceivedOn = receivedOn;
        State = ApplicationState.InProgress;
        Record(ApplicationEventKind.CorrectionReceived, receivedOn, recordedAt, actor, "收到补正后的申请，答复期限自此日重新计算：" + text);
        return CaseResult.Ok;
    }

    /// <summary>The deadline passed without a correction: deemed abandoned (条例第三十条, 其他处理 1).</summary>
    public CaseResult CloseForMissedCorrection(DateOnly on, DateTimeOffset recordedAt, string actor)
    {
        if (State != ApplicationState.AwaitingCorrection)
        {
            return Refuse("本申请不在待补正状态");
        }

        if (on <= CorrectionDeadline)
        {
            return Refuse($"补正期限 {CorrectionDeadline:yyyy-MM-dd} 尚未届满");
        }

        return Close(Applications.Outcome.OtherCorrectionOverdue, on, "申请人无正当理由逾期不补正，视为放弃申请，不再处理。", recordedAt, actor);
    }
}
