using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 三's row 二、上年结转政府信息公开申请数量 printed with its two characters swapped, 上年转结 (a 乡 of 开化县, 2020; the
/// same words are in the prose of two openings, 005 and 304). Before, the row matched no label (GK4008) and was reported
/// not found (GK4004), its 总计 0 lost; now it is the carried-over row.
/// </summary>
public sealed class CarriedOverSwappedTests
{
    private static readonly string Fixture = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "kaihua-linshan-township-2020-table3-shangnian-zhuanjie-excerpt.txt");

    [Fact]
    public void Import_ShangnianZhuanjie_IsTheCarriedOverRow()
    {
        // 林山乡, 2020, 2019 layout: `二、上年转结政府信息公开申请数量` / `/` ×6 / `0` (read by hand).
        var result = ReportFileReader.ReadFile(Fixture);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4008");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4004" && d.Message.Contains("上年结转", StringComparison.Ordinal));
        var report = result.Report!;
        Assert.Equal(0, report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total));
        Assert.Null(report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.NaturalPerson));
        Assert.Equal(0, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
    }
}
