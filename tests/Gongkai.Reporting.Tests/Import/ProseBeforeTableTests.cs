using System.Globalization;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Prose under heading 二, before table 二's first caption (第二十条第（一）项), that names the table's rows as words
/// ("主要涉及政策规范性文件、财政资金…、行政处罚。其中政策规范性文件类信息5条…"): the rows are read from the table, never
/// from the prose.
/// </summary>
public sealed class ProseBeforeTableTests
{
    [Fact]
    public void Import_ProseNamingRowsBeforeTable2_RowsReadFromTheTable()
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-zrz-2020-prose-naming-rows-before-table2.txt"));

        var report = result.Report!;
        // The table prints 规范性文件9921 and 行政处罚8814314: the cells are those digits (the split is GK4007's), not words.
        Assert.Equal("9921", Digits(report, "proactive2019.art20_1.normative_docs", "made", "published", "public_total"));
        Assert.Equal("8814314", Digits(report, "proactive2019.art20_6.penalty", "prev_year_items", "delta", "decisions"));
        Assert.Equal("7114", Digits(report, "proactive2019.art20_6.coercion", "prev_year_items", "delta", "decisions"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4005" or "GK4009" && d.Message.Contains("财政资金", StringComparison.Ordinal));
    }

    private static string Digits(Domain.Reports.AnnualReport report, string row, params string[] columns) =>
        string.Concat(columns.Select(c => report.GetProactive(row + "." + c) is { IsNumber: true } v
            ? v.Number.ToString(CultureInfo.InvariantCulture)
            : "<" + report.GetProactive(row + "." + c).Text + ">"));

    [Fact]
    public void Import_FirstCaptionNamedOnlyInANoteAfterTheTable_TableStillRead()
    {
        // The table's own 第二十条第（一）项 lost; a note after the table names it: no cell of table 二 is lost.
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "review", "E1-caption-in-note.txt"));

        var report = result.Report!;
        Assert.All(report.Schema.ProactiveKeys, key => Assert.False(report.GetProactive(key).IsBlank, key));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4003");
    }
}
