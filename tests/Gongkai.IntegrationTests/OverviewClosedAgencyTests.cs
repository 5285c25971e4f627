using Gongkai.Domain.Organisation;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;

namespace Gongkai.IntegrationTests;

/// <summary>
/// An agency closed (merged or abolished) before a report fell due owes none: the overview listed it as 未开始 and late
/// for every year after its closing, and the reminders asked it to publish.
/// </summary>
public sealed class OverviewClosedAgencyTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ClosedBeforeTheDeadline_NotListed_UnlessItHasAReport(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-A", "示例市甲局", "CITY"));
        Assert.Null(await directory.AddAsync("CITY-B", "示例市乙局", "CITY"));
        Assert.Null(await directory.AddAsync("CITY-C", "示例市丙局", "CITY"));
        Assert.Null(await directory.AddAsync("CITY-D", "示例市丁局", "CITY"));
        // 乙局 closed after its 2024 report fell due (31 January 2025), 丙局 before it, 丁局 before too but its 2024 report was collected.
        var collected = await new CollectReports(db, Now).CollectAsync(
            "CITY", [new CollectReports.SourceFile("d.json", System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(RandomReports.Create(4, "示例市丁局", 2024))))], null, "x");
        Assert.Equal(CollectStatus.Filed, collected.Files.Single().Status);
        Assert.Null(await directory.CloseAsync("CITY-B", new DateOnly(2025, 2, 1)));
        Assert.Null(await directory.CloseAsync("CITY-C", new DateOnly(2025, 1, 31)));
        Assert.Null(await directory.CloseAsync("CITY-D", new DateOnly(2024, 12, 1)));

        var overview2024 = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2024))!;
        var overview2023 = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2023))!;
        var overview2025 = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2025))!;

        Assert.Equal(["CITY-A", "CITY-B", "CITY-D"], overview2024.Agencies.Select(a => a.Code));
        Assert.Equal([(ReportStatus.NotStarted, true), (ReportStatus.NotStarted, true), (ReportStatus.Collected, false)], overview2024.Agencies.Select(a => (a.Status, a.Late)));
        Assert.Equal(["CITY-A", "CITY-B", "CITY-C", "CITY-D"], overview2023.Agencies.Select(a => a.Code));
        Assert.Equal(["CITY-A"], overview2025.Agencies.Select(a => a.Code));
    }
}
