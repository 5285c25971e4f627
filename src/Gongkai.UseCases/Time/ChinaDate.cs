namespace Gongkai.UseCases.Time;

/// <summary>
/// Statutory dates are dates in China (UTC+8, no daylight saving): "today" for receipt dates and due-date
/// flags is the calendar date there, whatever the server's time zone.
/// </summary>
public static class ChinaDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider time) => Of(time.GetUtcNow());

    /// <summary>The date in China of an instant (so a record and its date come from one clock reading).</summary>
    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
