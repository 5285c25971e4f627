using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The agency names a collect reads from files, as an attack on a running copy used them: control and format characters
/// (a NUL failed the whole batch on PostgreSQL with a 500; a zero-width space let a district's office file a report under
/// a new agency named like the city's own office), a name of a city department collected by a district's office (it
/// made a look-alike agency that then blocked the city's own collection of that department), and a name shared with a
/// closed agency (the look-alike, once closed, still blocked it).
/// </summary>
public sealed class CollectNamesFromFilesTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static CollectReports.SourceFile Json(string name, string agency, int seed)
    {
        var report = RandomReports.Create(seed, "x", 2025);
        report.Agency = agency;
        return new(name, System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(report)));
    }

    private static async Task SeedAsync(GongkaiDbContext db)
    {
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府办公室", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-ZRJ", "示例市自然资源和规划局", "CITY"));
        Assert.Null(await directory.AddAsync("XQ", "示例市西区人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("XQ-JYJ", "西区教育局", "XQ"));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_NamesWithControlAndFormatCharacters_CleanedAndFiled_NothingElseLost(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);

        var files = await new CollectReports(db, Now).CollectAsync(
            "XQ", [Json("nul.json", "西区\u0000水务局\r\n", 1), Json("zwsp.json", "西区教\u200b育局", 2), Json("rlo.json", "西区\u202e民政局", 3), Json("only-format.json", "\u200b\u2060", 4)], null, "督查员");

        Assert.Equal([CollectStatus.NewAgency, CollectStatus.Filed, CollectStatus.NewAgency, CollectStatus.NoAgency], files.Files.Select(f => f.Status));
        Assert.Equal("西区水务局", new AgencyDirectory(db).Find(files.Files[0].AgencyCode)!.Name);
        Assert.Equal("XQ-JYJ", files.Files[1].AgencyCode);
        Assert.Equal("西区民政局", new AgencyDirectory(db).Find(files.Files[2].AgencyCode)!.Name);
        Assert.Equal(3, db.CollectedReports.Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_DistrictOfficeNamesACityDepartmentOrTheCityOffice_Refused_CityStillCollectsIt(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);

        var district = await new CollectReports(db, Now).CollectAsync(
            "XQ", [Json("zrj.json", "示例市自然资源和规划局", 1), Json("office.json", "示例市人民政府\u200b办公室", 2)], null, "区督查员");
        var city = await new CollectReports(db, Now).CollectAsync("CITY", [Json("zrj.json", "示例市自然资源和规划局", 1)], null, "市督查员");

        Assert.All(district.Files, f => Assert.Equal(CollectStatus.NoAgency, f.Status));
        Assert.Contains("CITY-ZRJ", district.Files[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new AgencyDirectory(db).List(), a => a.Parent == "XQ" && a.Code != "XQ-JYJ");
        Assert.Equal((CollectStatus.Filed, "CITY-ZRJ"), (city.Files.Single().Status, city.Files.Single().AgencyCode));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_NameSharedWithAClosedAgency_FiledUnderTheActiveOne(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY-ZRJ2", "示例市自然资源和规划局", "XQ"));
        Assert.Null(await directory.CloseAsync("CITY-ZRJ2", new DateOnly(2026, 5, 1)));

        var city = await new CollectReports(db, Now).CollectAsync("CITY", [Json("zrj.json", "示例市自然资源和规划局", 1)], null, "市督查员");

        Assert.Equal((CollectStatus.Filed, "CITY-ZRJ"), (city.Files.Single().Status, city.Files.Single().AgencyCode));
    }

    [Theory]
    [Databases("sqlite")]
    public async Task AddAgency_NameWithControlOrFormatCharacters_Refused(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var directory = new AgencyDirectory(db);

        Assert.Contains("U+200B", await directory.AddAsync("A", "示例市\u200b教育局"), StringComparison.Ordinal);
        Assert.Contains("U+000A", await directory.AddAsync("B", "示例市\n教育局"), StringComparison.Ordinal);
        Assert.Null(await directory.AddAsync("C", "示例市教育局"));
        Assert.Equal(1, await db.Agencies.CountAsync());
    }
}
