using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Fourteenth sweep: the title of an earlier report the text cites (公开发布《国家新闻出版署2021年政府信息公开工作年度报告》 in
/// the report on 2022) gave the report's year; the text states its own (2022年，国家新闻出版署坚持…). The report's own title after
/// the verb that compiles it (我镇认真编制了《某镇2020年…》) is still read as before.
/// </summary>
public sealed class CitedReportTitleTests
{
    [Fact]
    public void Import_EarlierReportCitedInSectionOne_YearTheTextStates()
    {
        // 国家新闻出版署 2022 (a mirror; the twelfth sweep's list): read 2021 before.
        var report = WithHeadings.Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "nppa-mirror-2022-cited-earlier-report-title-excerpt.txt")));

        Assert.Equal("国家新闻出版署", report.Agency);
        Assert.Equal(2022, report.Year);
    }

    [Theory]
    [InlineData("一、总体情况\n2024年,某县某局坚持公开为常态。\n一是做好主动公开。公开发布《某县某局2023年政府信息公开工作年度报告》。\n", "某县某局", 2024)]
    [InlineData("本报告所列数据的统计期限自2024年1月1日至2024年12月31日。\n一、总体情况\n对照《某县某局2023年政府信息公开工作年度报告》,我局逐项整改。\n", null, 2024)]
    // Its own title after 编制, or a title of the year the text states: read as before.
    [InlineData("根据《条例》要求,我镇认真编制了《某县某镇2024年政府信息公开工作年度报告》。\n一、总体情况\n2024年,我镇坚持公开为常态。\n", "某县某镇", 2024)]
    [InlineData("一、总体情况\n2024年,某县某局坚持公开为常态。现发布《某县某局2024年政府信息公开工作年度报告》。\n", "某县某局", 2024)]
    public void Import_CitedTitle_NotTheReportsOwn(string text, string? agency, int year)
    {
        var report = WithHeadings.Read(text);

        Assert.Equal(agency, report.Agency);
        Assert.Equal(year, report.Year);
    }
}
