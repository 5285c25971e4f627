using System.Globalization;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 二 printed from a county's form with the filling instructions left after the row labels ("规章（设区的市、自治州
/// 人民政府应提供相关数据）", "规范性文件（行政机关制定发布的决定、公告…一般情况下属于规范性文件）"): the row is known by its
/// label with the note taken off. Before, the two rows of 第二十条第（一）项 were not found (GK4004) and their six cells
/// left blank; a row of the form the format does not have ("其他主动公开文件（…）") stays outside the table (GK4009).
/// </summary>
public sealed class ProactiveLabelNotesTests
{
    private static readonly string Fixture = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "huangpi-street-2020-table2-labels-with-filling-notes-excerpt.txt");

    [Theory]
    // A street office of 黄陂区 (武汉), 2020, 2019 layout; read by hand.
    [InlineData("proactive2019.art20_1.regulations", "0|0|0")]
    [InlineData("proactive2019.art20_1.normative_docs", "87|0|0")]
    public void Import_RowLabelsWithFillingNotes_CellsRead(string row, string cells)
    {
        var report = ReportFileReader.ReadFile(Fixture).Report!;

        var columns = report.Schema.ProactiveKeys.Where(k => k.StartsWith(row + ".", StringComparison.Ordinal));
        Assert.Equal(cells, string.Join('|', columns.Select(k => report.GetProactive(k) is { IsNumber: true } v ? v.Number.ToString(CultureInfo.InvariantCulture) : "空白")));
    }

    [Fact]
    public void Import_RowOfTheFormOutsideTheFormat_LeftOutAndSaid()
    {
        var result = ReportFileReader.ReadFile(Fixture);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4004" && d.Message.Contains("第二十条第（一）项", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4009" && d.Message.Contains("其他主动公开文件", StringComparison.Ordinal));
    }
}
