using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A page without its title (the store kept no title line) whose only statement of the year opens a paragraph of section 一
/// after its run-in subhead: "(一)主动公开情况。2024年,我局共主动公开政府信息376条", "(一)总体公开情况说明。2021年,县卫生健康局的
/// 政府信息公开工作…". Before, only a paragraph opening with the year ("2021年，…") gave it, and both years were null.
/// </summary>
public sealed class YearAfterSubheadTests
{
    [Theory]
    [InlineData("pinghu-bureau-2024-year-after-subhead-excerpt.txt", 2024)]
    [InlineData("yxes-county-wjj-2021-year-after-subhead-excerpt.txt", 2021)]
    public void Import_NoTitle_YearFromTheParagraphAfterTheSubhead(string file, int year)
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", file));

        Assert.Equal(year, result.Report!.Year);
    }

    [Fact]
    public void Import_NoTitle_YearAfterAShiSubhead()
    {
        // Sixth sweep: a 天津 bureau's page kept from section 一 on, its paragraphs opening 一是…。 二是…。; the year only
        // after the second: "二是积极做好主动公开。2023年,我局主动公开文件63件" (read null before).
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "tj-swj-2023-year-after-shi-subhead-excerpt.txt"));

        Assert.Equal(2023, ReadCompleted(text).Year);
        Assert.Equal(2024, ReadCompleted("一、总体情况\n一是强化组织领导。我局高度重视。\n二是积极做好主动公开。2024年,我局主动公开文件9件。\n").Year);
    }

    [Theory]
    // A subhead that names a year of its own (the year reviewed) leaves the year after it unread.
    [InlineData("(一)2023年度工作回顾。2024年,我局继续推进政务公开。")]
    [InlineData("一是2023年度工作回顾。2024年,我局继续推进政务公开。")]
    public void Import_NoTitle_YearNotTakenFromOtherOpenings(string opening)
    {
        var text = "一、总体情况\n" + opening + "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Null(result.Report!.Year);
    }

    private static Domain.Reports.AnnualReport ReadCompleted(string text) => WithHeadings.Read(text);
}
