using System.Globalization;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Tables whose section headings the page lost: the heading is put back where the table's own words start (第二十条第…,
/// the note over table 三's columns or its 申请人情况 cell, a row of table 三 on a page that starts inside it, table 四's
/// 行政复议 header) and the table is read in its section; the heading is still reported as not printed (GK4002). Before,
/// a mirror page holding tables 二 and 三 and no heading was rejected as no report (GK4001), and a flip-book page
/// starting inside table 三 had its rows taken for its preamble.
/// </summary>
public sealed class TablesWithoutHeadingsTests
{
    private static readonly string Mirror = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "haidian-mirror-2021layout-tables-without-headings-excerpt.txt");

    private static readonly string FlipBook = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "book-shenji-2020-table4-after-sentence-vertical-header-excerpt.txt");

    [Theory]
    // A 海淀区 agency's page on a mirror (the exit notice of 海淀区人民政府's site, then the tables), read by hand.
    [InlineData("apps.new_received", "49|0|0|0|0|0|49")]
    [InlineData("apps.carried_over", "8|0|0|0|0|0|8")]
    [InlineData("apps.outcome.granted", "1|0|0|0|0|0|1")]
    [InlineData("apps.outcome.withheld.administrative_inquiry", "0|0|0|0|0|0|0")]
    [InlineData("apps.outcome.unavailable.not_held", "54|0|0|0|0|0|54")]
    [InlineData("apps.outcome.unavailable.needs_creation", "1|0|0|0|0|0|1")]
    public void Import_Table3WithoutItsHeading_RowsRead(string row, string cells)
    {
        var result = ReportFileReader.ReadFile(Mirror);

        var report = result.Report!;
        Assert.Equal(cells, string.Join('|', ApplicantColumns.All.Select(c => report.GetApplications(row, c)?.ToString(CultureInfo.InvariantCulture) ?? "空白")));
    }

    [Fact]
    public void Import_Table2WithoutItsHeading_CellsReadAndHeadingsReported()
    {
        var result = ReportFileReader.ReadFile(Mirror);

        var report = result.Report!;
        Assert.Equal(187, report.GetProactive("proactive.art20_6.penalty.decisions").Number);
        Assert.Equal(0, report.GetProactive("proactive.art20_1.normative_docs.in_force").Number);
        Assert.Null(report.Agency);
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4002" && d.Message.Contains("二、主动公开政府信息情况", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4002" && d.Message.Contains("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_PageStartingInsideTable3_ItsRowRead()
    {
        // Page 9 of the report: `四、结转下年度继续办理 0 0 0 0 0 0 0`, then heading 四.
        var report = ReportFileReader.ReadFile(FlipBook).Report!;

        Assert.All(ApplicantColumns.All, c => Assert.Equal(0, report.GetApplications("apps.carried_forward", c)));
        Assert.Equal(2020, report.Year);
    }

    [Fact]
    public void Import_Table2WithoutHeadingAfterSentenceNamingATable3Row_OnlyTable2Read()
    {
        // A sentence of section 一 naming a row of table 三 is no table: table 二 is read after its put-back heading, and
        // with no 三 heading and no table 三, table 三 stays not found.
        const string text = "一、总体情况\n全年新收政府信息公开申请数量0件,上年结转0件。\n第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 1 | 0 | 3\n";

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(3, result.Report!.GetProactive("proactive.art20_1.regulations.in_force").Number);
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4003" && d.Message.Contains("表三", StringComparison.Ordinal));
    }
}
