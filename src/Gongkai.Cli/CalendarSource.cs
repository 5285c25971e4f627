using Gongkai.Domain.Calendar;

namespace Gongkai.Cli;

/// <summary>The working-day calendar: a file given on the command line or in GONGKAI_CALENDAR, else the embedded data.</summary>
public static class CalendarSource
{
    public static WorkingDayCalendar? Load(string? path, TextWriter stderr)
    {
        path ??= Environment.GetEnvironmentVariable("GONGKAI_CALENDAR");
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
            stderr.WriteLine($"无法读取日历文件 {path}：{ex.Message}");
            return null;
        }

        var calendar = WorkingDayCalendar.Parse(text, path, out var problem);
        if (calendar is null)
        {
            stderr.WriteLine($"日历文件 {path} 有误：{problem}");
        }

        return calendar;
    }
}
