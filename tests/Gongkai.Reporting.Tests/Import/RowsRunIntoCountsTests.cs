using System.Globalization;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 二 printed one row a line with its counts run into the label ("规章000", "行政规范性文件040", "行政许可707") on a
/// page that kept its lines (not one paragraph): the counts are cut from the labels and a run is split by the columns, as
/// on a page saved as running text, and flagged. Before, each line was one label matching no row, and the whole table was
/// reported missing (GK4003) with every cell blank.
/// </summary>
public sealed class RowsRunIntoCountsTests
{
    private static readonly string Fixture = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "xinye-wjw-2021-table2-rows-run-into-counts-excerpt.txt");

    [Theory]
    // 新野县卫生健康委员会 2021, as the page store returned it.
    [InlineData("proactive.art20_1.regulations", "0|0|0")]
    [InlineData("proactive.art20_1.normative_docs", "0|4|0")]
    [InlineData("proactive.art20_5.licensing", "707")]
    [InlineData("proactive.art20_6.penalty", "6")]
    [InlineData("proactive.art20_6.coercion", "0")]
    [InlineData("proactive.art20_8.admin_fees", "0")]
    public void Import_Table2RowsRunIntoTheirCounts_CellsReadFromTheRuns(string row, string cells)
    {
        var result = ReportFileReader.ReadFile(Fixture);

        var report = result.Report!;
        var columns = report.Schema.ProactiveKeys.Where(k => k.StartsWith(row + ".", StringComparison.Ordinal));
        Assert.Equal(cells, string.Join('|', columns.Select(k => report.GetProactive(k) is { IsNumber: true } v ? v.Number.ToString(CultureInfo.InvariantCulture) : "空白")));
    }

    [Fact]
    public void Import_Table2RowsRunIntoTheirCounts_TableFoundAndRunsFlagged()
    {
        var result = ReportFileReader.ReadFile(Fixture);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4003" && d.Message.Contains("表二", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("（040）", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("（000）", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_Table2RowsSetApartBySpaces_NotTakenForRunTogether()
    {
        // The same rows with their cells set apart ("规章 0 0 0") stay cells, read as printed, with no split flagged.
        var text = File.ReadAllText(Fixture).Replace("规章000", "规章 0 0 0", StringComparison.Ordinal)
            .Replace("行政规范性文件040", "行政规范性文件 0 4 0", StringComparison.Ordinal)
            .Replace("行政许可707", "行政许可 707", StringComparison.Ordinal).Replace("行政处罚6", "行政处罚 6", StringComparison.Ordinal)
            .Replace("行政强制0", "行政强制 0", StringComparison.Ordinal).Replace("行政事业性收费0", "行政事业性收费 0", StringComparison.Ordinal);

        var result = PublishedReportReader.Read(Gongkai.Reporting.Parsing.Shapes.TextShape.Lines(text));

        Assert.Equal(707m, result.Report!.GetProactive("proactive.art20_5.licensing.decisions").Number);
        Assert.Equal(4m, result.Report.GetProactive("proactive.art20_1.normative_docs.repealed").Number);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("规范性文件", StringComparison.Ordinal));
    }
}
