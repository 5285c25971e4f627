using System.Text.Json;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Who makes up a roll-up's figure, when two agencies beneath the office share a name (two counties' 民政局): each is
/// named by its own code. The contributions were matched to agencies by name, so both carried the first one's code and
/// the roll-up page linked both to the same report.
/// </summary>
public sealed class RollupContributorsTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task TwoAgenciesOfOneName_EachContributionCarriesItsOwnCode(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("JIA", "甲县人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("YI", "乙县人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("JIA-MZ", "民政局", "JIA", AgencyLevel.County));
        Assert.Null(await directory.AddAsync("YI-MZ", "民政局", "YI", AgencyLevel.County));
        var jia = RandomReports.Create(1, "民政局", 2025);
        var yi = RandomReports.Create(2, "民政局", 2025);
        foreach (var (under, report) in new[] { ("JIA", jia), ("YI", yi) })
        {
            var result = await new CollectReports(db, Now).CollectAsync(
                under, [new CollectReports.SourceFile("mz.json", System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(report)))], null, "x");
            Assert.Equal(CollectStatus.Filed, result.Files.Single().Status);
        }

        var overview = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2025))!;
        var cell = CellAddress.Applications("apps.new_received", ApplicantColumn.Total);
        var contributors = overview.Rollup!.ContributorsOf(cell);
        using var json = JsonDocument.Parse(ContributionsJson.Write(overview, cell));

        Assert.Equal(["JIA-MZ", "YI-MZ"], contributors.Select(c => c.Code).Order(StringComparer.Ordinal));
        var listed = json.RootElement.GetProperty("cells").GetProperty(cell.ToString()).GetProperty("contributions").EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("value").GetDecimal());
        Assert.Equal(jia.GetApplications("apps.new_received", ApplicantColumn.Total)!.Value, listed["JIA-MZ"]);
        Assert.Equal(yi.GetApplications("apps.new_received", ApplicantColumn.Total)!.Value, listed["YI-MZ"]);
    }

    /// <summary>Collected from the city, a report naming 民政局 could be either county's: refused, not filed under the first found.</summary>
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_NameOfTwoAgenciesBeneath_RefusedAndSaysWhich(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("JIA", "甲县人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("YI", "乙县人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("JIA-MZ", "民政局", "JIA", AgencyLevel.County));
        Assert.Null(await directory.AddAsync("YI-MZ", "民 政 局", "YI", AgencyLevel.County));
        Assert.Null(await directory.AddAsync("CITY-JY", "示例市教育局", "CITY"));
        static CollectReports.SourceFile File(string name, string agency, int seed) =>
            new(name, System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(RandomReports.Create(seed, agency, 2025))));

        var result = await new CollectReports(db, Now).CollectAsync("CITY", [File("mz.json", "民政局", 1), File("jy.json", "示例市教育局", 2)], null, "x");
        var fromCounty = await new CollectReports(db, Now).CollectAsync("YI", [File("mz.json", "民政局", 1)], null, "x");

        var refused = result.Files[0];
        Assert.Equal(CollectStatus.NoAgency, refused.Status);
        Assert.Equal("报告的机关“民政局”与下属 2 个机关同名（JIA-MZ、YI-MZ），不知归档到哪一个，未归档：请在其上级机关下收集", refused.Message);
        Assert.Equal((CollectStatus.Filed, "CITY-JY"), (result.Files[1].Status, result.Files[1].AgencyCode));
        Assert.Equal((CollectStatus.Filed, "YI-MZ"), (fromCounty.Files.Single().Status, fromCounty.Files.Single().AgencyCode));
    }
}
