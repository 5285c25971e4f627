namespace Gongkai.Domain.Calendar;

/// <summary>How the official holiday notice lists a date.</summary>
public enum CalendarDayKind
{
    /// <summary>放假 — a day off, even on a weekday.</summary>
    Holiday,

    /// <summary>调休上班 — a weekend day that is worked (make-up working day).</summary>
    Workday,
}
