namespace Gongkai.Domain.Calendar;

/// <summary>One date of the State Council's annual holiday notice (国务院办公厅关于XXXX年部分节假日安排的通知).</summary>
/// <param name="Date">The date.</param>
/// <param name="Kind">Holiday or make-up working day.</param>
/// <param name="Name">The holiday's name as in the notice, e.g. 国庆节、中秋节.</param>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);
