using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;

namespace Gongkai.IntegrationTests;

/// <summary>
/// A count too large to add up (a misprint such as 2147483647 in one collected report) once made the roll-up throw, and
/// with it the supervisor's overview of the year — its exports, comparisons and reminders too, and the overview of every
/// office above the one that collected the file. The figure is now left blank in the roll-up and said so (GK5007).
/// </summary>
public sealed class RollupTooLargeTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Overview_CollectedReportWithAHugeCount_StillBuilt_FigureLeftBlankAndSaidSo(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("COUNTY", "某某县人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-EDU", "示例市教育局", "CITY"));
        Assert.Null(await directory.AddAsync("COUNTY-EDU", "某某县教育局", "COUNTY"));
        var huge = RandomReports.Create(1, "某某县教育局", 2025);
        huge.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson, int.MaxValue);
        var ordinary = RandomReports.Create(2, "示例市教育局", 2025);
        // The county's office collects the misprinted report; the city's overview adds it to its own agencies'.
        Assert.Equal(CollectStatus.Filed, (await new CollectReports(db, Now).CollectAsync("COUNTY", [Json("huge.json", huge)], null, "县督查员")).Files.Single().Status);
        Assert.Equal(CollectStatus.Filed, (await new CollectReports(db, Now).CollectAsync("CITY", [Json("edu.json", ordinary)], null, "市督查员")).Files.Single().Status);

        var overview = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2025))!;

        var rollup = overview.Rollup!;
        Assert.Null(rollup.Report!.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson));
        var sum = (2147483647L + ordinary.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson)!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(rollup.Diagnostics, d => d.Code == "GK5007" && d.Message.Contains(sum, StringComparison.Ordinal));
        // Every other figure is still the sum of the two reports.
        Assert.Equal(huge.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total) + ordinary.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total),
            rollup.Report.GetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total));
        Assert.Equal(2, overview.Agencies.Count(r => r.Status == ReportStatus.Collected));
    }

    private static CollectReports.SourceFile Json(string name, AnnualReport report) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(report)));
}
