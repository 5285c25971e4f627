using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 三 printed with a group's label and its counts, but not the labels of the group's sub-rows: a page kept
/// `(三)不予公开 |` and then only `0 |` lines up to `(四)无法…` (a bureau's 2019-layout report on a mirror, met by the fourth
/// sweep and again by the twelfth). The counts belong to no row the text names, so the sub-rows stay blank (GK4004 each, a
/// wrong placement being worse than a blank); before, the counts were dropped without a word, now they are said to be
/// dropped (GK4008, once for the group).
/// </summary>
public sealed class GroupLabelsWithoutRowsTests
{
    private const string StateSecret = "apps.outcome.withheld.state_secret";

    private const string Headings = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n";

    private const string Rest = "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

    private static readonly string Fixture = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "owenbabies-bureau-2019layout-table3-withheld-labels-lost-excerpt.txt");

    [Fact]
    public void Import_RealPageWithheldSubRowLabelsLost_CountsReportedAsDropped()
    {
        var result = ReportFileReader.ReadFile(Fixture);

        var dropped = Assert.Single(result.Diagnostics, d => d.Code == "GK4008");
        Assert.Contains("不予公开", dropped.Message, StringComparison.Ordinal);
        Assert.Contains("64 个数字", dropped.Message, StringComparison.Ordinal);
        var report = result.Report!;
        Assert.Null(report.GetApplications(StateSecret, ApplicantColumn.Total));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4004" && d.Message.Contains("属于国家秘密", StringComparison.Ordinal));

        // The rows the page labels are read as printed (by hand: every cell 0).
        Assert.Equal(0, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
        Assert.Equal(0, report.GetApplications("apps.outcome.partial", ApplicantColumn.NaturalPerson));
        Assert.Equal(CellValue.FromNumber(-4), report.GetProactive("proactive2019.art20_5.licensing.delta"));
    }

    [Fact]
    public void Import_GroupLabelThenItsFirstSubRow_NothingDropped()
    {
        var text = Headings +
            "| 三、本年度办理结果 | (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n" +
            "| (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" +
            "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" + Rest;

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4008");
        Assert.Equal(0, result.Report!.GetApplications(StateSecret, ApplicantColumn.Total));
    }

    [Fact]
    public void Import_GroupSubtotalThenItsSubRows_NothingSaidDropped()
    {
        // A table printing each group's subtotal on the group's own row, then every sub-row labelled: the subtotal is no
        // count of a row whose label was lost.
        var text = Headings +
            "| (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n" +
            "| (三)不予公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n" +
            "| 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n" +
            "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" + Rest;

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4008");
        Assert.Equal(1, result.Report!.GetApplications(StateSecret, ApplicantColumn.Total));
    }

    [Fact]
    public void Import_MarkdownGroupRowWithoutSubRowLabels_CountsReportedAsDropped()
    {
        var text = Headings +
            "| (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n" +
            "| (四)无法提供 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n" +
            "| | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" + Rest;

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Contains(result.Diagnostics, d => d.Code == "GK4008" && d.Message.Contains("无法提供", StringComparison.Ordinal));
        Assert.Null(result.Report!.GetApplications("apps.outcome.unavailable.not_held", ApplicantColumn.NaturalPerson));
    }
}
