using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Ninth sweep: a page without its title whose only statement of the year is its statistics period printed with 年 lost
/// ("本报告中使用数据统计期限为20231月1日至12月31日", a 云南 county 气象局): the year read null before. The same loss was
/// seen on other real pages, where a title gave the year (包头 "自20211月1日起至202112月31日止", 国家统计局 调查总队
/// "自201811日起至20181231日止", a 2022 page "202211日起到20221231日止"): the four digits before the period's first day are
/// its year.
/// </summary>
public sealed class PeriodWithoutNianTests
{
    [Fact]
    public void Import_NoTitle_YearFromThePeriodWithoutNian()
    {
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "ym-qxj-2023-period-without-nian-excerpt.txt"));

        var report = WithHeadings.Read(text);

        Assert.Equal(2023, report.Year);
        Assert.Equal("云南省易门县气象局", report.Agency);
    }

    [Theory]
    [InlineData("本报告中所列数据的统计期限自20211月1日起至202112月31日止。", 2021)]
    [InlineData("本报告所列统计数据的期限自201811日起至20181231日止。", 2018)]
    [InlineData("本报告所列数据的统计期限为202211日起到20221231日止。", 2022)]
    public void Import_NoTitle_PeriodWithoutNian(string period, int year)
    {
        Assert.Equal(year, WithHeadings.Read(period + "\n").Year);
    }

    [Theory]
    // A date of compiling or of drawing the figures, not the period's first day: no year read from it.
    [InlineData("本报告统计时间:20240110。")]
    [InlineData("本报告数据统计期限为2024110日至今。")]
    public void Import_NoTitle_OtherDatesWithoutNianGiveNoYear(string sentence)
    {
        Assert.Null(WithHeadings.Read(sentence + "\n").Year);
    }
}
