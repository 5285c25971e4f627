using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Every import diagnostic as a spec-style example: an input file (Fixtures/diagnostics/GKnnnn.txt, or a
/// seed) and the code it must produce. The clean rendering of the same report must not produce it.
/// </summary>
public sealed class ImportDiagnosticsTests
{
    /// <summary>Code → input that produces it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Inputs = new Dictionary<string, string>
    {
        ["GK4001"] = Fixture("GK4001.txt"),
        ["GK4002"] = Fixture("GK4002.txt"),
        ["GK4003"] = Fixture("GK4003.txt"),
        ["GK4004"] = Fixture("GK4004.txt"),
        ["GK4005"] = Seed("002_27ba3d77fbcff05a.txt"),
        ["GK4006"] = Seed("001_ee45b9e2cb004431.txt"),
        ["GK4007"] = Fixture("GK4007.txt"),
        ["GK4008"] = Fixture("GK4008.txt"),
        ["GK4009"] = Fixture("GK4009.txt"),
        ["GK4010"] = Fixture("GK4010.txt"),
        ["GK4011"] = Fixture("GK4011.txt"),
        ["GK4012"] = Fixture("GK4012.txt"),
        ["GK4015"] = Fixture("GK4015.txt"),
        ["GK4017"] = Seed("001_ee45b9e2cb004431.txt"),
        ["GK4018"] = Fixture("GK4018.txt"),
        ["GK4019"] = Fixture("GK4019.md"),
        ["GK4020"] = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "pdf", "libreoffice-layout-blanks-2021.txt"),
        ["GK4021"] = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "pdf", "libreoffice-reading-order-2021.txt"),
    };

    public static TheoryData<string> Codes() => [.. Inputs.Keys];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Import_Example_ProducesCode(string code)
    {
        var result = ReportFileReader.ReadFile(Inputs[code]);

        var d = Assert.Single(result.Diagnostics.Where(x => x.Code == code).Take(1));
        Assert.False(string.IsNullOrWhiteSpace(d.Message));
    }

    [Fact]
    public void Import_CleanRendering_NoImportDiagnostics()
    {
        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(
            Gongkai.Reporting.Rendering.ReportRenderer.RenderToString(SampleReports.Qingtongxia2021(), Gongkai.Reporting.Rendering.RenderFormat.Text)));

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Import_DigitsRunTogether_SplitBySumRules()
    {
        var report = ReportFileReader.ReadFile(Inputs["GK4007"]).Report!;

        Assert.Equal(20, report.GetApplications(Domain.Reports.ApplicationKeys.NewReceived, Domain.Reports.ApplicantColumn.NaturalPerson));
        Assert.Equal(20, report.GetApplications(Domain.Reports.ApplicationKeys.NewReceived, Domain.Reports.ApplicantColumn.Total));
        Assert.Equal(0, report.GetApplications(Domain.Reports.ApplicationKeys.NewReceived, Domain.Reports.ApplicantColumn.OtherOrganisation));
    }

    [Fact]
    public void Catalog_EveryImportCode_HasAnExampleOrIsEnvironmental()
    {
        var environmental = new[] { "GK4013" };
        foreach (var d in DiagnosticCatalog.All.Where(d => d.Code.StartsWith("GK4", StringComparison.Ordinal)))
        {
            Assert.True(Inputs.ContainsKey(d.Code) || environmental.Contains(d.Code), d.Code + " has no example input");
        }
    }

    /// <summary>
    /// GK4005 says how a short row was placed when the sums cannot tell the placements apart: "左对齐" only when the cells
    /// were read left-aligned. A row printed with its 总计 only (二、上年结转…, the other six cells empty and one of them lost in
    /// the crawl) is placed by the columns the other rows use, its 0 under 总计: the message said 左对齐 there too. The real
    /// page's row is whole (its pipes close six empty cells); one of its pipes is taken out here to lose a cell.
    /// </summary>
    [Fact]
    public void Import_ShortRowPlacedUnderItsTotal_MessageDoesNotClaimLeftAligned()
    {
        var page = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "real", "guangdong-district-fgj-2020-pipe-blank-lines-excerpt.txt"));
        const string Row = "二、上年结转政府信息公开申请数量 |\n|\n";
        Assert.Contains(Row, page, StringComparison.Ordinal);
        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(page.Replace(Row, "二、上年结转政府信息公开申请数量 |\n", StringComparison.Ordinal)));

        var carried = Assert.Single(result.Diagnostics, d => d.Code == "GK4005" && d.Message.StartsWith("“二、上年结转政府信息公开申请数量”", StringComparison.Ordinal));
        Assert.DoesNotContain("左对齐", carried.Message, StringComparison.Ordinal);
        Assert.Contains("按本表其他行所用的栏目放置", carried.Message, StringComparison.Ordinal);
        Assert.Contains("总计 0", carried.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Report!.GetApplications(Gongkai.Domain.Reports.ApplicationKeys.CarriedOver, Gongkai.Domain.Reports.ApplicantColumn.Total));
    }

    private static string Fixture(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "diagnostics", name);

    private static string Seed(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds", name);
}
