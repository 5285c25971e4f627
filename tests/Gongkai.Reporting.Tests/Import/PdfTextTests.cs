using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Text that poppler's pdftotext made of real PDFs (Fixtures/pdf, README.md there says how each was made): reports
/// rendered by Gongkai, printed to PDF by LibreOffice or Chromium, and converted back. The expected file is the report
/// the PDF was printed from.
/// </summary>
public sealed class PdfTextTests
{
    private static readonly string Folder = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "pdf");

    public static TheoryData<string> LayoutCases() =>
    [
        "libreoffice-layout-blanks-2021",
        "libreoffice-layout-blanks-2019",
        "libreoffice-layout-seed002",
        "chromium-layout-seed002",
    ];

    [Theory]
    [MemberData(nameof(LayoutCases))]
    public void Import_PdftotextLayout_EqualsPrintedReport(string name)
    {
        var result = ReportFileReader.ReadFile(Path.Combine(Folder, name + ".txt"));

        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        ReportAssert.SameFigures(Expected(name), result.Report);
    }

    [Fact]
    public void Import_LayoutRowsWithBlankCells_PlacedUnderTheirHeadersAndSaidSo()
    {
        var result = ReportFileReader.ReadFile(Path.Combine(Folder, "libreoffice-layout-blanks-2021.txt"));

        // "规章 … 235" stands under 现行有效件数, not under 本年制发件数 where a left-aligned reading would put it.
        Assert.Equal(235, result.Report!.GetProactive("proactive.art20_1.regulations.in_force").Number);
        Assert.True(result.Report.GetProactive("proactive.art20_1.regulations.issued").IsBlank);
        var placed = Assert.Single(result.Diagnostics, d => d.Code == "GK4020" && d.Message.StartsWith("“规章”", StringComparison.Ordinal));
        Assert.Contains("现行有效件数 235", placed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4005" && d.Message.StartsWith("“规章”", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_LayoutReviewRowWithBlankCells_PlacedUnderItsHeaders()
    {
        // 纠正 1 and 总计 1, the other thirteen blank: the sums allow 维持 1 as well; the positions do not.
        foreach (var name in new[] { "libreoffice-layout-seed002", "chromium-layout-seed002" })
        {
            var result = ReportFileReader.ReadFile(Path.Combine(Folder, name + ".txt"));

            Assert.Equal(1, result.Report!.GetReview("review.corrected"));
            Assert.Null(result.Report.GetReview("review.upheld"));
            Assert.Contains(result.Diagnostics, d => d.Code == "GK4020" && d.Message.StartsWith("“行政复议、行政诉讼”", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// pdftotext without -layout (reading order): the labels gathered apart from the counts. Each case names the tables the
    /// text settles; those must come back exactly as printed, and said so (GK4021). The others are not claimed here.
    /// </summary>
    public static TheoryData<string, string> ReadingOrderCases() => new()
    {
        // Every table of a report whose counts are all 0 (a small agency's year).
        { "libreoffice-reading-order-seed003", "二三四" },
        // Table 三 with its rows' counts in order except pairs of rows read column by column (上年结转 and 予以公开; 总计 and 结转).
        { "libreoffice-reading-order-2021", "三" },
        // The 2019 layout; table 四's header words and counts interleaved.
        { "libreoffice-reading-order-seed000", "三四" },
        // Table 二 read by its columns ("本年制发件数 本年废止件数 0 0 26 29 … 现行有效件数 0 61"); table 四 interleaved.
        { "libreoffice-reading-order-seed004", "二四" },
    };

    [Theory]
    [MemberData(nameof(ReadingOrderCases))]
    public void Import_PdftotextReadingOrder_SettledTablesAsPrinted(string name, string tables)
    {
        var result = ReportFileReader.ReadFile(Path.Combine(Folder, name + ".txt"));
        var expected = Expected(name);
        var actual = result.Report!;

        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.Year, actual.Year);
        if (tables.Contains('二', StringComparison.Ordinal))
        {
            Assert.All(expected.Schema.ProactiveKeys, k => Assert.True(expected.GetProactive(k) == actual.GetProactive(k), $"{k}: {expected.GetProactive(k)} / {actual.GetProactive(k)}"));
        }

        if (tables.Contains('三', StringComparison.Ordinal))
        {
            Assert.All(expected.ApplicationCells(), c => Assert.True(c.Value == actual.GetApplications(c.Row, c.Column), $"{c.Row}@{c.Column.Key()}: {c.Value} / {actual.GetApplications(c.Row, c.Column)}"));
        }

        if (tables.Contains('四', StringComparison.Ordinal))
        {
            Assert.All(expected.Schema.ReviewColumns, c => Assert.Equal(expected.GetReview(c.Key), actual.GetReview(c.Key)));
        }

        foreach (var table in tables)
        {
            Assert.Contains(result.Diagnostics, d => d.Code == "GK4021" && d.Message.StartsWith("表" + table, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Import_ReadingOrderWithABlankCell_TableThreeNotGuessed()
    {
        // One count fewer than the table has cells (a blank leaves no mark in this text): the rows cannot be cut, and no
        // reading is claimed from the counts.
        var text = File.ReadAllText(Path.Combine(Folder, "libreoffice-reading-order-2021.txt"));
        var at = text.IndexOf("\n32\n", text.IndexOf("三、收到和处理", StringComparison.Ordinal), StringComparison.Ordinal);
        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text.Remove(at, 3)));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4021" && d.Message.StartsWith("表三", StringComparison.Ordinal));
    }

    private static AnnualReport Expected(string name) =>
        CanonicalJsonReader.Read(File.ReadAllText(Path.Combine(Folder, name + ".expected.json"))).Report!;
}
