using Gongkai.Domain.Organisation;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Corrections of a collected report at the same moment as each other or as a collect of a new file for the same agency
/// and year (an attack on a running copy, 2 December: a correction based on v15 was saved as v17 over the file collected
/// as v16, and concurrent saves answered 500 with a unique-index failure). One writer wins; the others are told a newer
/// version exists; a correction never lands on a version it did not see.
/// </summary>
public sealed class CollectedReportRaceTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static CollectReports.SourceFile Json(string name, int seed) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(RandomReports.Create(seed, "示例市教育局", 2025))));

    private static async Task SeedAsync(TestDatabase database)
    {
        using var db = database.Open();
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-EDU", "示例市教育局", "CITY"));
        var result = await new CollectReports(db, Now).CollectAsync("CITY", [Json("v1.json", 1)], null, "collector");
        Assert.All(result.Files, f => Assert.Equal(CollectStatus.Filed, f.Status));
    }

    private static async Task<string?> CorrectAsync(TestDatabase database, int basedOn, string note)
    {
        using var db = database.Open();
        var current = await db.CollectedReports.AsNoTracking().SingleAsync(r => r.AgencyCode == "CITY-EDU" && r.Number == basedOn);
        var report = CanonicalJsonReader.Read(current.Json).Report!;
        return await new CorrectCollectedReport(db, Now).SaveAsync("CITY-EDU", 2025, basedOn, report, note, "officer", null);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Corrections_AtOnce_OneSavedTheOthersToldOfTheNewVersion(string provider)
    {
        using var database = new TestDatabase(provider);
        await SeedAsync(database);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => CorrectAsync(database, 1, $"核对 {i}"))));

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal("该报告已有更新的第 2 版，请刷新后再核对。", r));
        using var db = database.Open();
        var versions = db.CollectedReports.AsNoTracking().OrderBy(r => r.Number).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal([false, true], versions.Select(v => v.Current));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task CorrectionAndCollect_AtOnce_CorrectionNeverSupersedesAFileItDidNotSee(string provider)
    {
        using var database = new TestDatabase(provider);
        await SeedAsync(database);

        for (var round = 0; round < 8; round++)
        {
            int basedOn;
            using (var db = database.Open())
            {
                basedOn = await db.CollectedReports.AsNoTracking().Where(r => r.Current).Select(r => r.Number).SingleAsync();
            }

            var collect = Task.Run(async () =>
            {
                using var db = database.Open();
                return await new CollectReports(db, Now).CollectAsync("CITY", [Json($"round{round}.json", 100 + round)], null, "collector");
            });
            var correct = Task.Run(() => CorrectAsync(database, basedOn, $"核对第 {round} 轮"));
            var (collected, corrected) = (await collect, await correct);

            Assert.All(collected.Files, f => Assert.Equal(CollectStatus.Filed, f.Status));
            Assert.True(corrected is null || corrected.StartsWith("该报告已有更新的第 ", StringComparison.Ordinal), corrected);
        }

        // Every correction keeps the source of the version just before it: the one the officer saw and confirmed.
        using var check = database.Open();
        var versions = check.CollectedReports.AsNoTracking().OrderBy(r => r.Number).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Number));
        Assert.Single(versions, v => v.Current);
        Assert.True(versions[^1].Current);
        foreach (var correction in versions.Where(v => v.Note.StartsWith("核对第 ", StringComparison.Ordinal)))
        {
            Assert.Equal(versions[correction.Number - 2].SourceId, correction.SourceId);
        }

        Assert.Equal(9, check.CollectedSources.AsNoTracking().Count());
    }

    /// <summary>
    /// PostgreSQL's strategy retries a correction whose commit reached the server while the client saw a lost connection:
    /// the retry finds its own version current and reports it saved (it answered "该报告已有更新的第 2 版" for a save that
    /// went through), and nothing is written twice.
    /// </summary>
    [Theory]
    [Databases("postgres")]
    public async Task Correction_CommitMadeButTheClientSawAnError_RetryReportsItSaved(string provider)
    {
        using var database = new TestDatabase(provider);
        await SeedAsync(database);
        string json;
        using (var db = database.Open())
        {
            json = (await db.CollectedReports.AsNoTracking().SingleAsync()).Json;
        }

        var failOnce = new FailAfterTheFirstCommit();
        using var failing = new Gongkai.Persistence.PostgresGongkaiDbContext(new DbContextOptionsBuilder<Gongkai.Persistence.PostgresGongkaiDbContext>()
            .UseNpgsql(database.Setting, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null))
            .AddInterceptors(failOnce)
            .Options);

        var saved = await new CorrectCollectedReport(failing, Now).SaveAsync("CITY-EDU", 2025, 1, CanonicalJsonReader.Read(json).Report!, "核对", "officer", null);

        Assert.True(failOnce.Failed);
        Assert.Null(saved);
        using var check = database.Open();
        Assert.Equal([1, 2], await check.CollectedReports.AsNoTracking().OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());
    }
}
