using Gongkai.Domain.Calendar;

namespace Gongkai.Domain.Deadlines;

/// <summary>
/// Counting periods in working days (W-01, W-02): the start date is day 0 and is not counted; day 1 is the
/// first working day after it; the period ends at the end of the N-th working day. Working days inside a
/// pause are not counted.
/// </summary>
public static class WorkingDays
{
    /// <summary>The due date only: the fast path (no allocation without pauses).</summary>
    public static DateOnly Add(WorkingDayCalendar calendar, DateOnly start, int days, IReadOnlyList<Pause>? pauses = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (calendar.IsWorkingDay(date) && !IsPaused(pauses, date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The due date with every day's treatment, for explanation.</summary>
    public static Deadline Explain(WorkingDayCalendar calendar, DateOnly start, int days, string basis, IReadOnlyList<Pause>? pauses = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var list = new List<DeadlineDay>();
        var date = start;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            var entry = calendar.Entry(date);
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (!calendar.IsWorkingDay(date))
            {
                var treatment = entry is { Kind: CalendarDayKind.Holiday } ? DayTreatment.Holiday : DayTreatment.Weekend;
                list.Add(new DeadlineDay(date, treatment, 0, entry?.Name));
            }
            else if (pauses?.FirstOrDefault(p => p.Contains(date)) is { } pause)
            {
                list.Add(new DeadlineDay(date, DayTreatment.Paused, 0, pause.Reason));
            }
            else
            {
                counted++;
                list.Add(new DeadlineDay(date, weekend ? DayTreatment.CountedMakeUpDay : DayTreatment.Counted, counted, weekend ? entry?.Name : null));
            }
        }

        var warnings = list.Where(d => !calendar.IsKnownYear(d.Date.Year) && calendar.Entry(d.Date) is null)
            .Select(d => d.Date.Year)
            .Distinct()
            .Select(y => $"{y} 年的节假日安排不在日历数据中（{calendar.Version}），该年按“仅周六、周日休息”计算，公布后请更新日历并重新计算")
            .ToArray();
        return new Deadline(start, days, date, basis, list, warnings);
    }

    private static bool IsPaused(IReadOnlyList<Pause>? pauses, DateOnly date)
    {
        if (pauses is null)
        {
            return false;
        }

        for (var i = 0; i < pauses.Count; i++)
        {
            if (pauses[i].Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}
