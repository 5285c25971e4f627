using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A 2019 table 二 row printed as sub-items of its own, each a label and its three counts (北京市通州区新华街道, 2019:
/// "其他对外管理服务事项 | 行政检查 | 0 | 0 | 0 | | 行政确认 | 0 | 0 | 0"). Before, the first sub-item's label was read as the
/// row's 上一年项目数量 (the text 行政检查) and the rest cut off (GK4009); now the row is the sum of its sub-items, said
/// with GK4005.
/// </summary>
public sealed class SubItemRowsTests
{
    private const string Key = "proactive2019.art20_5.other_services.";

    [Fact]
    public void Import_RealPage_SubItemsSummed()
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "bjtzh-xinhua-street-2019-other-services-sub-items-excerpt.txt"));
        var report = result.Report!;

        Assert.Equal(CellValue.FromNumber(0), report.GetProactive(Key + "prev_year_items"));
        Assert.Equal(CellValue.FromNumber(0), report.GetProactive(Key + "delta"));
        Assert.Equal(CellValue.FromNumber(0), report.GetProactive(Key + "decisions"));
        Assert.Equal(CellValue.FromNumber(1), report.GetProactive("proactive2019.art20_1.normative_docs.made"));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4005" && d.Message.Contains("行政检查、行政确认", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4009");
    }

    [Theory]
    // Two sub-items with counts: each column summed (本年增/减 signed).
    [InlineData("其他对外管理服务事项 | 行政确认 | 12 | -2 | 30 | 行政给付 | 3 | 1 | 7 |", 15, -1, 37)]
    // One sub-item: its counts are the row's.
    [InlineData("其他对外管理服务事项 | 行政检查 | 4 | 0 | 9 |", 4, 0, 9)]
    public void Import_SubItems_RowIsTheirSum(string row, int previous, int delta, int decisions)
    {
        var report = Read(row);

        Assert.Equal(CellValue.FromNumber(previous), report.GetProactive(Key + "prev_year_items"));
        Assert.Equal(CellValue.FromNumber(delta), report.GetProactive(Key + "delta"));
        Assert.Equal(CellValue.FromNumber(decisions), report.GetProactive(Key + "decisions"));
    }

    [Fact]
    public void Import_WordedCellThenCounts_NotSubItems()
    {
        // A label followed by fewer counts than the row has columns is no set of sub-items: read as before.
        var report = Read("其他对外管理服务事项 | 未统计 | 0 |");

        Assert.Equal(CellValue.FromText("未统计"), report.GetProactive(Key + "prev_year_items"));
    }

    private static AnnualReport Read(string otherServices)
    {
        var text = "某街道2019年政府信息公开工作年度报告\n一、总体情况\n略。\n二、主动公开政府信息情况\n" +
            "第二十条第(五)项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 0 | 0 | 0 |\n" + otherServices + "\n" +
            "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
        return ReportFileReader.Read(Encoding.UTF8.GetBytes(text)).Report!;
    }
}
