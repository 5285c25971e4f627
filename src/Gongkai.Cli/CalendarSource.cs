using Gongkai.Domain.Calendar;
using Gongkai.UseCases.Calendar;

namespace Gongkai.Cli;

/// <summary>The working-day calendar for a command: --calendar FILE, else GONGKAI_CALENDAR, else the embedded data.</summary>
public static class CalendarSource
{
    public static WorkingDayCalendar? Load(string? path, TextWriter stderr)
    {
        var calendar = CalendarFile.Load(path, out var problem);
        if (calendar is null)
        {
            stderr.WriteLine(problem);
        }

        return calendar;
    }
}
