using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// A report collected again (a user run, 2 December: a second copy collected without a day dropped the day the first
/// was published, so a late agency left the late list, and nothing said that an officer's confirmed version was
/// replaced); and years no report can have.
/// </summary>
public sealed class CollectAgainTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static CollectReports.SourceFile Json(string name, int seed, int year = 2025) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(RandomReports.Create(seed, "示例市教育局", year))));

    private static async Task SeedAsync(GongkaiDbContext db)
    {
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-EDU", "示例市教育局", "CITY"));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task CollectAgain_NoDayGiven_KeepsTheDayAndSaysWhatItReplaces(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var collect = new CollectReports(db, Now);

        var first = await collect.CollectAsync("CITY", [Json("v1.json", 1)], null, "x", new DateOnly(2026, 2, 3));
        var v1 = db.CollectedReports.AsNoTracking().Single();
        var confirmed = CanonicalJsonReader.Read(v1.Json).Report!;
        Assert.Null(await new CorrectCollectedReport(db, Now).SaveAsync("CITY-EDU", 2025, 1, confirmed, "对照原文核对", "officer", null));
        var again = await collect.CollectAsync("CITY", [Json("v3.json", 3), Json("v4.json", 4)], null, "x");
        var later = await collect.CollectAsync("CITY", [Json("v5.json", 5)], null, "x", new DateOnly(2026, 1, 20));

        Assert.Equal("已归档", first.Files.Single().Message);
        Assert.Equal(
            ["已归档，为第 3 版，取代第 2 版（第 2 版经人工核对，核对结果不随新文件保留，请对照新文件重新核对）", "已归档，为第 4 版，取代第 3 版"],
            again.Files.Select(f => f.Message));
        Assert.Equal("已归档，为第 5 版，取代第 4 版", later.Files.Single().Message);
        var versions = db.CollectedReports.AsNoTracking().OrderBy(r => r.Number).Select(r => new { r.Number, r.PublishedOn, r.Late, r.Current }).ToList();
        Assert.Equal([new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 3), new DateOnly(2026, 2, 3), new DateOnly(2026, 1, 20)], versions.Select(v => v.PublishedOn!.Value));
        Assert.Equal([true, true, true, true, false], versions.Select(v => v.Late));
        Assert.Equal(5, versions.Single(v => v.Current).Number);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_YearNoReportCanHave_Refused(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var collect = new CollectReports(db, Now);

        var asked = await collect.CollectAsync("CITY", [Json("a.json", 1)], 99999, "x");
        var negative = await collect.CollectAsync("CITY", [Json("a.json", 1)], -3, "x", new DateOnly(2026, 2, 3));
        var printed = await collect.CollectAsync("CITY", [Json("b.json", 2, 2026)], null, "x");

        Assert.Equal("年度 99999 无效：应为 2019—2025 年之间的报告年度", asked.Error);
        Assert.Equal("年度 -3 无效：应为 2019—2025 年之间的报告年度", negative.Error);
        Assert.Null(printed.Error);
        var refused = printed.Files.Single();
        Assert.Equal((CollectStatus.WrongYear, "年度 2026 无效：应为 2019—2025 年之间的报告年度"), (refused.Status, refused.Message));
        Assert.Empty(db.CollectedReports.AsNoTracking());
    }

    /// <summary>
    /// File names as a browser or an attacker sends them (an attack, 2 December: a NUL made PostgreSQL refuse the batch
    /// with a 500, a 305-character name outgrew the column, U+202E and ESC reached the pages): kept cleaned, the batch
    /// filed.
    /// </summary>
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_NamesWithControlAndFormatCharacters_StoredCleaned(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var names = new[] { "a\0b.json", "..\\..\\c\u202Etxt.exe.json", "d\u001B[31m.json", new string('长', 300) + ".json", "\0\u202E", "𠮷野家.json" };

        var result = await new CollectReports(db, Now).CollectAsync("CITY", names.Select((n, i) => Json(n, 10 + i, 2019 + i)).ToList(), null, "x");

        Assert.All(result.Files, f => Assert.Equal(CollectStatus.Filed, f.Status));
        var stored = db.CollectedSources.AsNoTracking().OrderBy(s => s.Id).Select(s => s.FileName).ToList();
        Assert.Equal(["ab.json", "ctxt.exe.json", "d[31m.json", new string('长', 255) + ".json", "未命名文件", "𠮷野家.json"], stored);
    }

    [Fact]
    public void CleanName_PathsAndLengths()
    {
        Assert.Equal("report.docx", CollectedFileName.Clean("C:\\Users\\x\\report.docx"));
        Assert.Equal("report.docx", CollectedFileName.Clean("folder/sub/report.docx"));
        Assert.Equal("未命名文件", CollectedFileName.Clean("   "));
        Assert.Equal("未命名文件.pdf", CollectedFileName.Clean(" \u202E.pdf"));
        // Cleaned as attachments are: no characters a file system or a page would read as syntax.
        Assert.Equal("abc.json", CollectedFileName.Clean("a|b\"c<>.json"));
        Assert.Equal(260, CollectedFileName.Clean(new string('a', 400)).Length);
        Assert.Equal(new string('a', 259), CollectedFileName.Clean(new string('a', 259) + "𠮷"));
    }
}
