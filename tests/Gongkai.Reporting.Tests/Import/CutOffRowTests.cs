using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 三 whose text stops inside a row, after some of its cells (the store's copy of a page ends there; a converter or a
/// copy can cut a report so too): `二、上年结转政府信息公开申请数量 | 0 | 0 |` on 文登区住建局's page (2019), and `二、上年结转…` with
/// four `0 |` lines on 耿马's 司法局 page (2021). The cells printed are the row's first cells; the sums cannot tell the
/// placements apart, and the last printed cell was put under 总计 (a short row's cells adding up to its last one) — a
/// wrong cell, seen on three pages of the sweeps (the fourth sweep's 云南 county 司法局 too). Now the cells are read from
/// the first column on (still GK4005), and the rest left blank.
/// </summary>
public sealed class CutOffRowTests
{
    private static string Sweep(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", name);

    [Fact]
    public void Import_WendengCutAfterTwoCellsOfCarriedOver_FirstTwoColumns()
    {
        // By hand: 一、本年新收 2 0 0 0 0 0 2; 二、上年结转 | 0 | 0 | and the text ends.
        var result = ReportFileReader.ReadFile(Sweep("wendeng-zjj-2019-subject-and-year-inside-section-one-excerpt.txt"));

        var report = result.Report!;
        Assert.Equal(0, report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.NaturalPerson));
        Assert.Equal(0, report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Commercial));
        Assert.Null(report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total));
        Assert.Equal(2, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4005" && d.Message.Contains("上年结转", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_GengmaCutAfterFourCellsOfCarriedOver_FirstFourColumns()
    {
        // By hand: 一、本年新收 0 ×7; 二、上年结转 0 | 0 | 0 | 0 and the text ends.
        var result = ReportFileReader.ReadFile(Sweep("yngm-sfj-2021-table3-cut-inside-carried-over-excerpt.txt"));

        var report = result.Report!;
        Assert.Equal(0, report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.SocialWelfare));
        Assert.Null(report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.LegalService));
        Assert.Null(report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total));
        Assert.Equal(0, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
    }

    [Fact]
    public void Import_ShortRowFollowedByAnotherRow_StillPlacedByTheSums()
    {
        // A row printed with two cells in the middle of the table is no cut: its placement is left to the sums as before.
        var text = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n" +
            "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n" +
            "| 二、上年结转政府信息公开申请数量 | 1 | 1 |\n" +
            "| (一)予以公开 | 4 | 0 | 0 | 0 | 0 | 0 | 4 |\n" +
            "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(text)).Report!;

        Assert.Equal(1, report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total));
        Assert.Null(report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Commercial));
    }
}
