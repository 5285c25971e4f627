using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Applications;

public sealed partial class DisclosureApplication
{
    /// <summary>
    /// 逾期答复: decided after the reply deadline as it stood on the day of the decision (条例第三十三条; an extension
    /// or an Art. 35 later deadline counts, time waiting for a correction or a third party does not). A case
    /// closed because the applicant did not correct or pay is not a reply.
    /// </summary>
    public bool IsLateReply(WorkingDayCalendar calendar, DeadlinePolicy policy) =>
        DecidedOn is { } decided && Outcome is not (Applications.Outcome.OtherCorrectionOverdue or Applications.Outcome.OtherFeeUnpaid) &&
        ReplyDeadline(calendar, policy, decided) is { } deadline && decided > deadline.EffectiveDue;
}
