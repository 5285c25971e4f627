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

    private static AnnualReport Expected(string name) =>
        CanonicalJsonReader.Read(File.ReadAllText(Path.Combine(Folder, name + ".expected.json"))).Report!;
}
