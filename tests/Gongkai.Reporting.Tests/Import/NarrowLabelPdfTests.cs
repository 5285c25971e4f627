using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 三 printed with a narrow label column, as most agencies' Word templates print it: each label wraps over two or
/// three lines beside cells centred in their row, and `pdftotext -layout` puts a row's counts on whichever label line they
/// stand nearest — sometimes some on the first line and the rest on the second (`5.属于三类内部事务 8` / `信息 … 0 1 0 9`),
/// and the header and corner note on lines of fragments (`自然人 商业企 科研机 社会公 法律服`). Fixtures/pdf/README.md says
/// how the two texts were made (two real reports' figures, printed by Chromium with a narrow first column).
/// </summary>
public sealed class NarrowLabelPdfTests
{
    private static readonly string Folder = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "pdf");

    [Theory]
    [InlineData("chromium-narrow-labels-shanghai-2025")]
    [InlineData("chromium-narrow-labels-pingtan-2019")]
    public void Import_NarrowLabelColumn_EqualsPrintedReport_WithoutUnplacedTextWarnings(string name)
    {
        var result = ReportFileReader.ReadFile(Path.Combine(Folder, name + ".txt"));

        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        ReportAssert.SameFigures(Expected(name), result.Report);
        // The header's and the corner note's wrapped pieces are the form's own words, not cells left unplaced.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4008");
    }

    [Fact]
    public void Import_LibreOfficeNarrowLabels_CountsOnLinesOfTheirOwn_ReadWithoutSayingTheyWereMatchedByOrder()
    {
        // Each row's counts on a line of their own between its label's lines; a label whose last line is a label again
        // (6.属于四类 / 过程性信息) is seen twice, and its counts still belong to the row above them.
        var result = ReportFileReader.ReadFile(Path.Combine(Folder, "libreoffice-narrow-labels-pingtan-2022.txt"));

        ReportAssert.SameFigures(Expected("libreoffice-narrow-labels-pingtan-2022"), result.Report!);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4019" or "GK4008");
    }

    [Fact]
    public void Import_RowCountsSplitOverTwoLabelLines_ReadAsOneRow()
    {
        var result = ReportFileReader.ReadFile(Path.Combine(Folder, "chromium-narrow-labels-shanghai-2025.txt"));

        const string Row = "apps.outcome.withheld.internal_affairs";
        Assert.Equal(8, result.Report!.GetApplications(Row, ApplicantColumn.NaturalPerson));
        Assert.Equal(1, result.Report.GetApplications(Row, ApplicantColumn.LegalService));
        Assert.Equal(9, result.Report.GetApplications(Row, ApplicantColumn.Total));
        // Read as printed: no row matched by order (GK4019), none short of cells (GK4005) or inferred (GK4006).
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4019" or "GK4005" or "GK4006");
    }

    [Fact]
    public void Import_CompleteRowThenCountsAfterItsLastWords_NotJoined()
    {
        // The row's label line holds all seven counts: a count after the label's last words is not the row's.
        var text = Table("       1.本机关不掌握相关  3  0  0  0  0  0  3\n       政府信息   2\n");

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        const string Row = "apps.outcome.unavailable.not_held";
        Assert.Equal(3, result.Report!.GetApplications(Row, ApplicantColumn.NaturalPerson));
        Assert.Equal(3, result.Report.GetApplications(Row, ApplicantColumn.Total));
    }

    [Fact]
    public void Import_LongTextInTableThree_NotTheFormsWords_StillReportedUnplaced()
    {
        var text = Table("       本机关收到的申请主要涉及征地拆迁补偿和安置等事项\n       1.本机关不掌握相关政府信息  3  0  0  0  0  0  3\n");

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Contains(result.Diagnostics, d => d.Code == "GK4008" && d.Message.Contains("征地拆迁", StringComparison.Ordinal));
    }

    /// <summary>A 2021 report whose table 三 has the given lines after its first rows.</summary>
    private static string Table(string lines) =>
        "示例市民政局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，示例市民政局认真做好政府信息公开工作。\n二、主动公开政府信息情况\n" +
        "三、收到和处理政府信息公开申请情况\n" +
        "       一、本年新收政府信息公开申请数量  3  0  0  0  0  0  3\n" +
        "       二、上年结转政府信息公开申请数量  0  0  0  0  0  0  0\n" +
        lines +
        "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

    private static AnnualReport Expected(string name) =>
        CanonicalJsonReader.Read(File.ReadAllText(Path.Combine(Folder, name + ".expected.json"))).Report!;
}
