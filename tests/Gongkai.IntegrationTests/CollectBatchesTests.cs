using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Collecting more files than one batch: last year's report filed by an earlier batch of the same call is the one a
/// file is checked against, and the summaries written from the reports in memory are the ones the overview rebuilds
/// from the stored readings.
/// </summary>
public sealed class CollectBatchesTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static AnnualReport Report(string agency, int year, int seed) => RandomReports.Create(seed, agency, year);

    /// <summary>The supervising office every test collects under.</summary>
    private static async Task AddCityAsync(GongkaiDbContext db) =>
        Assert.Null(await new AgencyDirectory(db).AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));

    private static CollectReports.SourceFile Text(string name, AnnualReport report) =>
        new(name, System.Text.Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Text)));

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_ANumberTooLargeToAddUp_FiledAndReportedByTheRollup_NotAdded(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        var misprinted = Report("示例市交通运输局", 2024, 1);
        var key = misprinted.Schema.ProactiveKeys[0];
        misprinted.SetProactive(key, CellValue.FromNumber(10_000_000_000_000m));
        var other = Report("示例市水利局", 2024, 2);

        var outcomes = (await new CollectReports(db, Now).CollectAsync("CITY", [Text("misprinted.txt", misprinted), Text("other.txt", other)], null, "督查员")).Files;

        Assert.All(outcomes, o => Assert.True(o.Stored));
        var overview = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2024))!;
        var cell = CellAddress.Proactive(key);
        Assert.Equal(other.GetProactive(key).Number, overview.Rollup!.Report!.GetProactive(key).Number);
        Assert.Equal(["示例市水利局"], overview.Rollup.ContributorsOf(cell).Select(c => c.Agency));
        Assert.Contains(overview.Rollup.Diagnostics, d => d.Message.Contains("10000000000000（数值过大，未计入汇总）", StringComparison.Ordinal));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_NewAgencyRefused_EveryFileNamingItRefused_TheRestOfTheBatchFiled(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        var first = (await new CollectReports(db, Now).CollectAsync("CITY", [Text("known-2024.txt", Report("示例市交通运输局", 2024, 1))], null, "督查员")).Files;
        Assert.Equal([CollectStatus.NewAgency], first.Select(o => o.Status));

        // Under a closed office no agency can be made: every file that needs one is refused, and a file naming an agency
        // that exists (closed too, as the office's must be first) is filed in the same batch.
        Assert.Null(await new AgencyDirectory(db).CloseAsync(first[0].AgencyCode!, new DateOnly(2026, 5, 1)));
        Assert.Null(await new AgencyDirectory(db).CloseAsync("CITY", new DateOnly(2026, 5, 1)));
        var files = new List<CollectReports.SourceFile>
        {
            Text("new-2024.txt", Report("示例市水利局", 2024, 2)),
            Text("known-2025.txt", Report("示例市交通运输局", 2025, 3)),
            Text("new-2025.txt", Report("示例市水利局", 2025, 4)),
        };

        var outcomes = (await new CollectReports(db, Now).CollectAsync("CITY", files, null, "督查员")).Files;

        Assert.Equal([CollectStatus.NoAgency, CollectStatus.Filed, CollectStatus.NoAgency], outcomes.Select(o => o.Status));
        Assert.All(new[] { outcomes[0], outcomes[2] }, o => Assert.Equal("上级机关“示例市人民政府”（CITY）已撤销，不能在其下添加机关。", o.Message));
        Assert.Equal(["示例市交通运输局"], db.Agencies.AsNoTracking().Where(a => a.ParentCode == "CITY").Select(a => a.Name).ToList());
        Assert.Equal(2, db.CollectedReports.Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_ImporterThrowsOnOneFile_ThatFileRefusedAsUnreadable_NothingOfItStored_TheOthersFiled(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        var bug = Text("bug.txt", Report("示例市水利局", 2024, 2));
        var files = new List<CollectReports.SourceFile>
        {
            Text("before.txt", Report("示例市交通运输局", 2024, 1)),
            bug,
            Text("after.txt", Report("示例市水利局", 2025, 3)),
        };
        // A bug in the importer, on one file only: no real input is known to make it throw.
        var collector = new CollectReports(db, Now)
        {
            Reader = bytes => ReferenceEquals(bytes, bug.Bytes) ? throw new InvalidOperationException("读到第 3 行时出错") : Gongkai.Reporting.Parsing.ReportFileReader.Read(bytes),
        };

        var outcomes = (await collector.CollectAsync("CITY", files, null, "督查员")).Files;

        Assert.Equal(["before.txt", "bug.txt", "after.txt"], outcomes.Select(o => o.FileName));
        Assert.Equal([CollectStatus.NewAgency, CollectStatus.Unreadable, CollectStatus.NewAgency], outcomes.Select(o => o.Status));
        Assert.Equal("无法读取：内部错误（请报告此问题）：InvalidOperationException: 读到第 3 行时出错", outcomes[1].Message);
        Assert.Null(outcomes[1].AgencyCode);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bug.Bytes));
        Assert.False(db.CollectedSources.Any(s => s.Sha256 == sha));
        Assert.Equal(["before.txt", "after.txt"], db.CollectedSources.AsNoTracking().OrderBy(s => s.Id).Select(s => s.FileName).ToList());
        Assert.Equal(2, db.CollectedReports.Count());

        // Read again without the bug, the same file is collected: it was not stored as a duplicate.
        var again = (await new CollectReports(db, Now).CollectAsync("CITY", [bug], null, "督查员")).Files;
        Assert.Equal([CollectStatus.Filed], again.Select(o => o.Status));
        Assert.Equal("示例市水利局", again[0].AgencyName);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_PublicationDay_InTheFutureRefusesTheCall_BeforeTheYearEndedRefusesTheFile(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        var files = new List<CollectReports.SourceFile>
        {
            Text("2024.txt", Report("示例市交通运输局", 2024, 1)),
            Text("2025.txt", Report("示例市水利局", 2025, 2)),
        };

        // Now is 2026-06-01 (China time 10:00).
        var future = await new CollectReports(db, Now).CollectAsync("CITY", files, null, "督查员", new DateOnly(2026, 6, 2));
        Assert.Equal("公布日期 2026-06-02 晚于今天（2026-06-01），请核对。", future.Error);
        Assert.Empty(future.Files);
        Assert.Equal(0, db.CollectedSources.Count());

        // 2025-03-01 is a day of the 2025 report's own year: that file is refused, the 2024 one is filed with the day.
        var outcomes = (await new CollectReports(db, Now).CollectAsync("CITY", files, null, "督查员", new DateOnly(2025, 3, 1))).Files;

        Assert.Equal([CollectStatus.NewAgency, CollectStatus.WrongYear], outcomes.Select(o => o.Status));
        Assert.Equal("公布日期 2025-03-01 早于 2025 年度结束：年度报告在次年公布，请核对公布日期或年度。", outcomes[1].Message);
        Assert.Equal([new DateOnly(2025, 3, 1)], db.CollectedReports.AsNoTracking().Select(r => r.PublishedOn).ToList());

        var corrected = await new CorrectCollectedReport(db, Now).SaveAsync(outcomes[0].AgencyCode!, 2024, 1, Report("示例市交通运输局", 2024, 1), "核对", "督查员", new DateOnly(2024, 12, 31));
        Assert.Equal("公布日期 2024-12-31 早于 2024 年度结束：年度报告在次年公布，请核对公布日期或年度。", corrected);
        Assert.Equal(1, db.CollectedReports.Count());
    }

    /// <summary>A file too large to read is refused by its length, unread (the web page no longer copies such an upload into memory), and the others are collected.</summary>
    [Theory]
    [Databases("sqlite")]
    public async Task Collect_FileRefusedByItsLength_Unread_OthersCollected(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        var files = new List<CollectReports.SourceFile>
        {
            CollectReports.SourceFile.Unread("huge.txt", 250_000_000),
            Text("jyj.txt", Report("示例市教育局", 2024, 3)),
        };

        var outcomes = (await new CollectReports(db, Now).CollectAsync("CITY", files, null, "督查员")).Files;

        Assert.Equal([CollectStatus.Unreadable, CollectStatus.NewAgency], outcomes.Select(o => o.Status));
        Assert.Contains("文件过大（238.4 MB），超过上限 64 MB", outcomes[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, db.CollectedSources.Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_AReportOfTheOfficeItselfOrAbove_Refused_NoAgencyOfTheSameNameMade(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        Assert.Null(await new AgencyDirectory(db).AddAsync("CITY-DQ", "示例市东区人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        var files = new List<CollectReports.SourceFile>
        {
            Text("city.txt", Report("示例市人民政府", 2024, 1)),
            Text("dq.txt", Report("示例市东区人民政府", 2024, 2)),
            Text("jyj.txt", Report("示例市东区教育局", 2024, 3)),
        };

        var outcomes = (await new CollectReports(db, Now).CollectAsync("CITY-DQ", files, null, "督查员")).Files;

        Assert.Equal([CollectStatus.NoAgency, CollectStatus.NoAgency, CollectStatus.NewAgency], outcomes.Select(o => o.Status));
        Assert.Equal("报告的机关“示例市人民政府”（CITY）是收集机关的上级机关，不是其下属机关，未归档", outcomes[0].Message);
        Assert.Equal("报告的机关“示例市东区人民政府”（CITY-DQ）是收集机关本身，不是其下属机关，未归档", outcomes[1].Message);
        Assert.Equal(["示例市东区教育局"], db.Agencies.AsNoTracking().Where(a => a.ParentCode == "CITY-DQ").Select(a => a.Name).ToList());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Collect_ManyBatches_CheckedAgainstEarlierBatch_SummariesSameAsRebuiltFromStoredReadings(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await AddCityAsync(db);
        Assert.Null(await new AgencyDirectory(db).AddAsync("CITY-EDU", "示例市教育局", "CITY"));
        var files = Enumerable.Range(0, CollectReports.BatchSize).Select(i => Text($"{i:D3}.txt", Report($"示例市第{i}局", 2024, i))).ToList();
        var next = Report("示例市第0局", 2025, 500);
        next.SetApplications(ApplicationKeys.CarriedOver, ApplicantColumn.Total, (Report("示例市第0局", 2024, 0).GetApplications(ApplicationKeys.CarriedForward, ApplicantColumn.Total) ?? 0) + 7);
        files.Add(Text("next.txt", next));
        files.Add(Text("edu.txt", Report("示例市教育局", 2025, 501)));
        files.Add(Text("next-again.txt", Report("示例市第0局", 2025, 502)));
        // Reports in the 2019 layout (2019–2020), one with text in table 二: their summaries too must be the ones rebuilt.
        var withText = Report("示例市第1局", 2019, 503);
        withText.SetProactive(withText.Schema.ProactiveKeys[0], CellValue.FromText("未统计"));
        files.Add(Text("old-1.txt", withText));
        files.Add(Text("old-2.txt", Report("示例市第2局", 2020, 504)));

        var outcomes = (await new CollectReports(db, Now).CollectAsync("CITY", files, null, "督查员")).Files;

        Assert.Equal(Enumerable.Repeat(CollectStatus.NewAgency, CollectReports.BatchSize).Concat(Enumerable.Repeat(CollectStatus.Filed, 5)), outcomes.Select(o => o.Status));
        Assert.Equal(outcomes[0].AgencyCode, outcomes[CollectReports.BatchSize].AgencyCode);
        var made = new AgencyDirectory(db).Find(outcomes[0].AgencyCode)!;
        Assert.Equal(("示例市第0局", AgencyLevel.City, AgencyKind.Other, "CITY"), (made.Name, made.Level, made.Kind, made.Parent));
        var readings = db.CollectedReports.AsNoTracking().Where(r => r.AgencyCode == made.Code && r.Year == 2025).OrderBy(r => r.Number).ToList();
        Assert.Equal([(1, false), (2, true)], readings.Select(r => (r.Number, r.Current)));
        Assert.Contains(DiagnosticCatalog.CarryOverMismatch.Code, readings[0].DiagnosticsJson, StringComparison.Ordinal);

        var written = Summaries(db);
        Assert.Equal(CollectReports.BatchSize + 4, written.Count);
        Assert.Contains(written, w => w.Contains(" 2019 collected ", StringComparison.Ordinal));
        Assert.Contains(written, w => w.EndsWith("=未统计", StringComparison.Ordinal));
        await db.Set<ReportSummaryNumbersRow>().ExecuteDeleteAsync();
        await db.Set<ReportSummaryTextRow>().ExecuteDeleteAsync();
        await db.Set<ReportSummaryRow>().ExecuteDeleteAsync();
        var beneath = new AgencyDirectory(db).Beneath("CITY");
        await ReportSummaryStore.RefreshAsync(db, 2019, beneath);
        await ReportSummaryStore.RefreshAsync(db, 2020, beneath);
        await ReportSummaryStore.RefreshAsync(db, 2024, beneath);
        await ReportSummaryStore.RefreshAsync(db, 2025, beneath);
        Assert.Equal(written, Summaries(db));
    }

    /// <summary>Every summary with its numbers and texts, by cell address (ids aside).</summary>
    private static List<string> Summaries(GongkaiDbContext db)
    {
        var keys = db.Set<ReportCellKeyRow>().AsNoTracking().ToDictionary(k => k.Id, k => k.Cell);
        var numbers = db.Set<ReportSummaryNumbersRow>().AsNoTracking().AsEnumerable()
            .SelectMany(n => PackedCells.Unpack(n.Cells) is var (cells, millionths) ? cells.Select((c, i) => (n.SummaryId, Cell: c, Millionths: millionths[i])) : [])
            .ToLookup(c => c.SummaryId, c => $"{keys[c.Cell]}={c.Millionths}");
        var texts = db.Set<ReportSummaryTextRow>().AsNoTracking().AsEnumerable().ToLookup(c => c.SummaryId, c => $"{keys[c.CellId]}={c.Text}");
        return db.Set<ReportSummaryRow>().AsNoTracking().AsEnumerable()
            .Select(s => $"{s.AgencyCode} {s.Year} {s.Source} {s.SourceId} {s.Edition} {s.PublishedOn} {s.Late} {s.Errors} {s.Warnings} {s.Uncertain} {s.Score} | "
                + string.Join(" ", numbers[s.Id].Order(StringComparer.Ordinal)) + " | " + string.Join(" ", texts[s.Id].Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }
}
