using System.Globalization;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Tests.Deadlines;

/// <summary>
/// Deadlines as a data table (deadline-cases.csv): received date, channel, working days, pauses → due
/// date, covering every holiday period of 2019–2026 and the make-up working days, one named test each.
/// </summary>
public sealed class DeadlineTableTests
{
    private static readonly Lazy<string[][]> Rows = new(() => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Deadlines", "deadline-cases.csv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("received", StringComparison.Ordinal))
        .Select(l => l.Split(',', 6))
        .ToArray());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var row in Rows.Value)
        {
            data.Add($"{row[0]} +{row[2]}WD {row[3]} ({row[5]})");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_Case_MatchesTable(string name)
    {
        var row = Rows.Value.Single(r => name.StartsWith($"{r[0]} +{r[2]}WD {r[3]} ({r[5]}", StringComparison.Ordinal));
        var received = DateOnly.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.True(ReceiptChannels.TryParse(row[1], out _));
        var days = int.Parse(row[2], CultureInfo.InvariantCulture);
        var pauses = row[3].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(".."))
            .Select(p => new Pause(DateOnly.ParseExact(p[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), "征求意见"))
            .ToArray();
        var expected = DateOnly.ParseExact(row[4], "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var fast = WorkingDays.Add(WorkingDayCalendar.Embedded, received, days, pauses);
        var explained = WorkingDays.Explain(WorkingDayCalendar.Embedded, received, days, "条例第三十三条", pauses);

        Assert.Equal(expected, fast);
        Assert.Equal(expected, explained.Due);
        Assert.Equal(days, explained.Count(DayTreatment.Counted) + explained.Count(DayTreatment.CountedMakeUpDay));
    }

    [Fact]
    public void Table_CoversEveryHolidayPeriodOfTheCalendar()
    {
        var holidays = WorkingDayCalendar.Embedded.Entries.Where(e => e.Kind == CalendarDayKind.Holiday && e.Date.Year >= 2019).ToArray();
        var makeUps = WorkingDayCalendar.Embedded.Entries.Where(e => e.Kind == CalendarDayKind.Workday).ToArray();
        var spans = Rows.Value.Select(r => (From: DateOnly.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), To: DateOnly.ParseExact(r[4], "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToArray();

        Assert.True(Rows.Value.Length >= 60);
        Assert.All(holidays, h => Assert.Contains(spans, s => h.Date > s.From && h.Date <= s.To));
        var coveredMakeUps = makeUps.Count(m => spans.Any(s => m.Date > s.From && m.Date <= s.To));
        Assert.True(coveredMakeUps >= makeUps.Length * 8 / 10, $"{coveredMakeUps} of {makeUps.Length} make-up days inside some case");
    }
}
