using Gongkai.Domain.Calendar;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// The working-day calendar in force: a file named by the caller or by GONGKAI_CALENDAR (same format as
/// data/cn-holidays.csv), else the data compiled in. The CLI counts with it; the web application stores it as the
/// first version of its database calendar (CalendarStore), which administrators then update.
/// </summary>
public static class CalendarFile
{
    public const string EnvironmentVariable = "GONGKAI_CALENDAR";

    /// <summary>The calendar, or null with the problem (unreadable or malformed file).</summary>
    public static WorkingDayCalendar? Load(string? path, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }
        if (string.IsNullOrWhiteSpace(path))
        {
            return WorkingDayCalendar.Embedded;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"无法读取日历文件 {path}：{ex.Message}";
            return null;
        }

        var calendar = WorkingDayCalendar.Parse(text, path, out var parseProblem);
        if (calendar is null)
        {
            problem = $"日历文件 {path} 有误：{parseProblem}";
        }

        return calendar;
    }
}
