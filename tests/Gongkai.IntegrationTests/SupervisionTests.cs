using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>Collecting reports, confirming a reading, and the supervisor's overview, on both providers.</summary>
public sealed class SupervisionTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static AnnualReport Report(string agency, int year, int seed) => RandomReports.Create(seed, agency, year);

    private static CollectReports.SourceFile Html(string name, AnnualReport report) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Html)));

    private static async Task SeedAsync(GongkaiDbContext db)
    {
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-EDU", "示例市教育局", "CITY"));
        Assert.Null(await directory.AddAsync("CITY-ENV", "示例市生态环境局", "CITY"));
        Assert.Null(await directory.AddAsync("CITY-FIN", "示例市财政局", "CITY"));
        Assert.Null(await directory.AddAsync("COUNTY", "某某县人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await directory.AddAsync("OTHER", "别的市人民政府", kind: AgencyKind.Government));
    }

    /// <summary>A report printing the agency's name with half-width brackets or spaces is filed under the agency, not a new one.</summary>
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_NameInOtherBracketWidthOrSpaced_FiledUnderTheAgency(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        Assert.Null(await new AgencyDirectory(db).AddAsync("CITY-ZONE", "示例市开发区管理局（示例市开发区管委会）", "CITY"));

        var result = await new CollectReports(db, Now).CollectAsync(
            "CITY", [Html("zone.html", Report("示例市开发区管理局(示例市开发区管委会)", 2025, 3)), Html("edu.html", Report("示例市 教育局", 2025, 1))], null, "督查员");

        Assert.Equal([CollectStatus.Filed, CollectStatus.Filed], result.Files.Select(f => f.Status));
        Assert.Equal(["CITY-ZONE", "CITY-EDU"], result.Files.Select(f => f.AgencyCode));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_MatchesNameOrMakesAgencyUnderCode_SourceKept(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var edu = Html("edu.html", Report("示例市教育局", 2025, 1));
        var unknown = Html("water.html", Report("示例市水务局", 2025, 2));

        var result = (await new CollectReports(db, Now).CollectAsync("CITY", [edu, unknown, new("notice.txt", "关于开会的通知"u8.ToArray())], null, "督查员"));

        Assert.Null(result.Error);
        Assert.Equal([CollectStatus.Filed, CollectStatus.NewAgency, CollectStatus.Unreadable], result.Files.Select(f => f.Status));
        Assert.Equal("CITY-EDU", result.Files[0].AgencyCode);
        var made = new AgencyDirectory(db).Find(result.Files[1].AgencyCode)!;
        Assert.Equal(("示例市水务局", AgencyKind.Other, "CITY"), (made.Name, made.Kind, made.Parent));
        var stored = db.CollectedReports.AsNoTracking().Single(r => r.AgencyCode == "CITY-EDU");
        Assert.Equal((2025, 1, true), (stored.Year, stored.Number, stored.Current));
        Assert.Equal(edu.Bytes, db.CollectedSources.AsNoTracking().Single(s => s.Id == stored.SourceId).Bytes);
        Assert.Equal("示例市教育局", CanonicalJsonReader.Read(stored.Json).Report!.Agency);
        Assert.Equal("督查员", db.CollectedSources.AsNoTracking().Single(s => s.Id == stored.SourceId).CollectedBy);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_YearsAndDuplicates_RefusedWithReason(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var collect = new CollectReports(db, Now);
        var edu = Html("edu.html", Report("示例市教育局", 2025, 1));
        var noYear = Report("示例市财政局", 2025, 3);
        noYear.Year = null;

        Assert.Equal(CollectStatus.WrongYear, (await collect.CollectAsync("CITY", [edu], 2024, "x")).Files[0].Status);
        Assert.Equal(CollectStatus.Filed, (await collect.CollectAsync("CITY", [edu], 2025, "x")).Files[0].Status);
        Assert.Equal(CollectStatus.Duplicate, (await collect.CollectAsync("CITY", [edu], null, "x")).Files[0].Status);
        Assert.Equal(CollectStatus.NoYear, (await collect.CollectAsync("CITY", [new("f.json", System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(noYear)))], null, "x")).Files[0].Status);
        Assert.Equal("机关“NOPE”不存在。", (await collect.CollectAsync("NOPE", [edu], null, "x")).Error);
        Assert.Equal(1, db.CollectedReports.Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_OneBatch_CreatedAgencyDuplicateAndSecondName_SameAsOneAtATime(string provider)
    {
        // One call, one transaction: the first report naming 水务局 creates it, the second (name spaced differently)
        // is filed under it and checked against the 2024 reading filed just before it, the copy is a duplicate, and a
        // second 2025 reading supersedes the first. Collected one file per call, the result must be the same.
        var prior = Report("示例市水务局", 2024, 2);
        var next = Report(" 示例市 水务局 ", 2025, 3);
        next.SetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total, (prior.GetApplications(ApplicationKeys.CarriedForward, ApplicantColumn.Total) ?? 0) + 7);
        CollectReports.SourceFile[] files =
        [
            Html("water-2024.html", prior), Html("water-2025.html", next), Html("water-2024-copy.html", prior),
            Html("water-2025-b.html", Report("示例市水务局", 2025, 4)), Html("edu.html", Report("示例市教育局", 2025, 1)),
        ];
        using var batchDatabase = new TestDatabase(provider);
        using var batchDb = batchDatabase.Open();
        using var singleDatabase = new TestDatabase(provider);
        using var singleDb = singleDatabase.Open();
        await SeedAsync(batchDb);
        await SeedAsync(singleDb);

        var batch = (await new CollectReports(batchDb, Now).CollectAsync("CITY", files, null, "督查员")).Files;
        var single = new List<CollectOutcome>();
        foreach (var f in files)
        {
            single.Add((await new CollectReports(singleDb, Now).CollectAsync("CITY", [f], null, "督查员")).Files[0]);
        }


        Assert.Equal([CollectStatus.NewAgency, CollectStatus.Filed, CollectStatus.Duplicate, CollectStatus.Filed, CollectStatus.Filed], batch.Select(f => f.Status));
        Assert.Equal(["CITY-x1", "CITY-x1", "CITY-x1", "CITY-x1", "CITY-EDU"], batch.Select(f => f.AgencyCode));
        Assert.Equal(single, batch);
        Assert.Single(new AgencyDirectory(batchDb).Beneath("CITY"), a => a.Name == "示例市水务局");
        var water = batchDb.CollectedReports.AsNoTracking().Where(r => r.AgencyCode == "CITY-x1").OrderBy(r => r.Year).ThenBy(r => r.Number).ToList();
        Assert.Equal([(2024, 1, true), (2025, 1, false), (2025, 2, true)], water.Select(r => (r.Year, r.Number, r.Current)));
        Assert.Contains(DiagnosticCatalog.CarryOverMismatch.Code, water[1].DiagnosticsJson, StringComparison.Ordinal);
        Assert.Equal(4, batchDb.CollectedSources.Count());
        Assert.Equal(Stored(singleDb), Stored(batchDb));
        Assert.Equal(Summaries(singleDb), Summaries(batchDb));

        static List<string> Stored(GongkaiDbContext db) => db.CollectedReports.AsNoTracking()
            .Join(db.CollectedSources.AsNoTracking(), r => r.SourceId, s => s.Id, (r, s) => new { r, s.FileName, s.Sha256 }).AsEnumerable()
            .Select(x => $"{x.FileName} {x.Sha256} {x.r.AgencyCode} {x.r.Year} {x.r.Number} {x.r.Current} {x.r.Errors} {x.r.Warnings} {x.r.Uncertain} {x.r.Score} {x.r.Json} {x.r.DiagnosticsJson}")
            .Order(StringComparer.Ordinal).ToList();

        static List<string> Summaries(GongkaiDbContext db) => db.Set<ReportSummaryRow>().AsNoTracking().AsEnumerable()
            .Select(s => $"{s.AgencyCode} {s.Year} {s.Source} {s.Errors} {s.Warnings} {s.Uncertain} {s.Score} {s.Edition}" +
                $" {Numbers(db, s.Id)}")
            .Order(StringComparer.Ordinal).ToList();

        // How many numbers a summary holds, and their sum.
        static string Numbers(GongkaiDbContext db, long summary)
        {
            var (cells, millionths) = PackedCells.Unpack(db.Set<ReportSummaryNumbersRow>().AsNoTracking().Single(n => n.SummaryId == summary).Cells);
            return $"{cells.Length} {millionths.Sum()}";
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Correct_NewVersionWithNote_SourceAndOldVersionUnchanged(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);
        var bad = Report("示例市教育局", 2025, 1);
        bad.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total, 99999);
        await new CollectReports(db, Now).CollectAsync("CITY", [new("edu.json", System.Text.Encoding.UTF8.GetBytes(CanonicalJsonWriter.Write(bad)))], null, "x");
        var first = db.CollectedReports.AsNoTracking().Single();
        Assert.True(first.Errors > 0);
        var fixedReport = CanonicalJsonReader.Read(first.Json).Report!;
        fixedReport.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total, ApplicantColumns.Categories.Sum(c => fixedReport.GetApplications(ApplicationKeys.NewReceived, c)));
        var correct = new CorrectCollectedReport(db, Now);

        Assert.Equal("请写明核对或更正的说明。", await correct.SaveAsync("CITY-EDU", 2025, 1, fixedReport, " ", "y", null));
        Assert.Null(await correct.SaveAsync("CITY-EDU", 2025, 1, fixedReport, "按原件更正总计", "y", new DateOnly(2026, 2, 3)));
        Assert.Contains("第 2 版", await correct.SaveAsync("CITY-EDU", 2025, 1, fixedReport, "再改", "y", null), StringComparison.Ordinal);

        var versions = db.CollectedReports.AsNoTracking().OrderBy(r => r.Number).ToList();
        Assert.Equal([false, true], versions.Select(v => v.Current));
        Assert.Equal(first.Json, versions[0].Json);
        Assert.Equal(versions[0].SourceId, versions[1].SourceId);
        Assert.Equal(("按原件更正总计", 0, true), (versions[1].Note, versions[1].Errors, versions[1].Late));
        Assert.Single(db.CollectedSources.AsNoTracking());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Overview_StatusesLatenessScoresAndRollup(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db);

        // 教育局 published in Gongkai on 5 February (late for a department); 生态环境局 has a draft; 财政局 nothing;
        // 县政府 published on 20 March (a government: in time); a report of an agency outside CITY is not shown.
        void Publish(string code, string name, DateTimeOffset at, int seed) => db.ReportVersions.Add(new ReportVersionRow
        {
            AgencyCode = code,
            Year = 2025,
            Number = 1,
            Json = CanonicalJsonWriter.Write(Report(name, 2025, seed)),
            PublishedAtUtcTicks = at.UtcTicks,
            PublishedBy = "head",
        });
        Publish("CITY-EDU", "示例市教育局", new DateTimeOffset(2026, 2, 5, 2, 0, 0, TimeSpan.Zero), 1);
        Publish("COUNTY", "某某县人民政府", new DateTimeOffset(2026, 3, 20, 2, 0, 0, TimeSpan.Zero), 2);
        Publish("OTHER", "别的市人民政府", new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), 3);
        db.ReportDrafts.Add(new ReportDraftRow { AgencyCode = "CITY-ENV", Year = 2025, Json = "{}", UpdatedBy = "x" });
        db.SaveChanges();
        await new CollectReports(db, Now).CollectAsync("CITY", [Html("w.html", Report("示例市水务局", 2025, 4))], null, "x");

        var overview = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2025))!;

        var rows = overview.Agencies.ToDictionary(a => a.Name);
        Assert.Equal(5, rows.Count);
        Assert.Equal((ReportStatus.Published, new DateOnly(2026, 2, 5), true), (rows["示例市教育局"].Status, rows["示例市教育局"].PublishedOn, rows["示例市教育局"].Late));
        Assert.Equal((ReportStatus.Published, false), (rows["某某县人民政府"].Status, rows["某某县人民政府"].Late));
        Assert.Equal((ReportStatus.Draft, true), (rows["示例市生态环境局"].Status, rows["示例市生态环境局"].Late));
        Assert.Equal((ReportStatus.NotStarted, (int?)null), (rows["示例市财政局"].Status, rows["示例市财政局"].Score));
        Assert.Equal(ReportStatus.Collected, rows["示例市水务局"].Status);
        Assert.Equal(90, rows["示例市教育局"].Score);
        Assert.Equal("汇总（3个机关）", overview.Rollup!.Report!.Agency);
        Assert.DoesNotContain(overview.Rollup.Sources, s => s.Name == "别的市人民政府");

        var counties = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2025, a => a.Level == AgencyLevel.County))!;
        Assert.Equal(["某某县人民政府"], counties.Agencies.Select(a => a.Name));
    }
}
