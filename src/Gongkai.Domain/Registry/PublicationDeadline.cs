using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Registry;

/// <summary>
/// 条例第二十六条: 属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开.
/// The clock starts at 成文日期 (formed) or at the recorded change, whichever is later, and counts working days
/// with the calendar (the start day is day 0).
/// </summary>
public static class PublicationDeadline
{
    public const int WorkingDaysAllowed = 20;

    public static DateOnly Due(WorkingDayCalendar calendar, DateOnly formedOn, DateOnly? changedOn) =>
        WorkingDays.Add(calendar, changedOn is { } c && c > formedOn ? c : formedOn, WorkingDaysAllowed);

    /// <summary>Overdue: still not released after the due day.</summary>
    public static bool IsOverdue(WorkingDayCalendar calendar, DateOnly formedOn, DateOnly? changedOn, DateOnly today) =>
        today > Due(calendar, formedOn, changedOn);
}
