using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;

namespace Gongkai.Domain.Tests.Deadlines;

public sealed class WorkingDaysTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;

    [Theory]
    [InlineData("2024-10-12", true)]   // Saturday, 国庆 make-up day
    [InlineData("2024-10-07", false)]  // Monday, 国庆
    [InlineData("2024-10-13", false)]  // ordinary Sunday
    [InlineData("2020-02-03", true)]   // ordinary Monday after the extended 春节 2020
    [InlineData("2020-02-01", false)]  // make-up Saturday cancelled by the 2020 extension
    [InlineData("2018-12-29", true)]   // make-up Saturday from the 2019 notice
    [InlineData("2027-05-03", true)]   // 2027 not in the data: weekdays work
    public void IsWorkingDay_Date_AsTheNoticeSays(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Explain_AcrossNationalDay_NamesHolidaysAndMakeUpDays()
    {
        var deadline = WorkingDays.Explain(Calendar, new DateOnly(2024, 9, 30), 20, "条例第三十三条");
        var text = string.Join('\n', deadline.Explain());

        Assert.Equal(new DateOnly(2024, 11, 1), deadline.Due);
        Assert.Contains("节假日：国庆节 2024-10-01 至 2024-10-07，不计入。", text, StringComparison.Ordinal);
        Assert.Contains("调休上班日：2024-10-12（星期六，国庆节调休）计为第 5 个工作日。", text, StringComparison.Ordinal);
        Assert.Empty(deadline.Warnings);
    }

    [Fact]
    public void Explain_Pause_DaysNotCounted()
    {
        var deadline = WorkingDays.Explain(Calendar, new DateOnly(2023, 3, 1), 20, "条例第三十三条",
            [new Pause(new DateOnly(2023, 3, 6), new DateOnly(2023, 3, 10), "征求第三方意见")]);

        Assert.Equal(5, deadline.Count(DayTreatment.Paused));
        // By hand: 03-02, 03-03, then 03-13 … 04-04 (17 more), 清明 04-05 skipped, 04-06 is the 20th.
        Assert.Equal(new DateOnly(2023, 4, 6), deadline.Due);
        Assert.Equal(1, deadline.Count(DayTreatment.Holiday));
        Assert.Contains(deadline.Explain(), l => l.Contains("征求第三方意见 2023-03-06 至 2023-03-10", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_YearOutsideData_WarnsAndCountsWeekendsOnly()
    {
        var deadline = WorkingDays.Explain(Calendar, new DateOnly(2026, 12, 21), 20, "条例第三十三条");

        var warning = Assert.Single(deadline.Warnings);
        Assert.Contains("2027", warning, StringComparison.Ordinal);
        Assert.Contains("仅周六、周日休息", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_StartInLastYearOfData_NoWarningForListedDays()
    {
        Assert.Empty(WorkingDays.Explain(Calendar, new DateOnly(2018, 12, 28), 1, "x").Warnings);
    }

    [Fact]
    public void Add_ZeroDays_IsStart() => Assert.Equal(new DateOnly(2024, 1, 5), WorkingDays.Add(Calendar, new DateOnly(2024, 1, 5), 0));

    [Fact]
    public void Add_NegativeDays_IsMisuse() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Add(Calendar, new DateOnly(2024, 1, 5), -1));

    [Theory]
    [InlineData("date,kind,name\n2025-13-01,holiday,x\n", "第 2 行格式错误")]
    [InlineData("2025-01-01,off,元旦\n", "应为 holiday 或 workday")]
    [InlineData("2025-01-06,workday,x\n", "不能列为调休上班日")]
    [InlineData("2025-01-01,holiday,元旦\n2025-01-01,holiday,元旦\n", "重复")]
    [InlineData("date,kind,name\n", "没有任何节假日数据")]
    public void Parse_Malformed_ProblemWithLine(string csv, string problem)
    {
        Assert.Null(WorkingDayCalendar.Parse(csv, "test", out var message));
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OverrideFile_ChangesTheCalendar()
    {
        var csv = "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,春节\n2027-02-08,holiday,春节\n2027-02-09,holiday,春节\n2027-02-10,holiday,春节\n2027-02-20,workday,春节\n";

        var calendar = WorkingDayCalendar.Parse(csv, "override.csv", out _)!;

        Assert.True(calendar.IsKnownYear(2027));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));
        Assert.Empty(WorkingDays.Explain(calendar, new DateOnly(2027, 2, 1), 20, "x").Warnings);
    }

    [Fact]
    public void Embedded_KnowsTheYearsOfTheNotices()
    {
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Calendar.KnownYears);
        Assert.Equal(232, Calendar.Entries.Count(e => e.Kind == CalendarDayKind.Holiday));
        Assert.Equal(53, Calendar.Entries.Count(e => e.Kind == CalendarDayKind.Workday));
    }
}
