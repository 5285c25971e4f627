using System.Globalization;

namespace Gongkai.UseCases.Time;

/// <summary>
/// Instants are stored in UTC; a person reads them in China Standard Time (北京时间, UTC+8, no daylight saving),
/// whatever the server's time zone: timelines, the audit log, version history, publication times.
/// </summary>
public static class ChinaTime
{
    /// <summary>Minutes precision, e.g. <c>2026-03-02 17:05</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(ChinaDate.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Seconds precision (the audit log), e.g. <c>2026-03-02 17:05:09</c>.</summary>
    public static string FormatSeconds(DateTimeOffset instant) =>
        instant.ToOffset(ChinaDate.Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An instant stored as UTC ticks, with seconds.</summary>
    public static string FormatTicks(long utcTicks) => FormatSeconds(new DateTimeOffset(utcTicks, TimeSpan.Zero));
}
