using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Json;
using Gongkai.Testing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The stored summaries behind the supervisor's overview: the roll-up the database adds up is the roll-up of the
/// reports themselves, every figure still names its contributors, and a newer version replaces its summary.
/// </summary>
public sealed class ReportSummaryTests
{
    private static readonly FixedTime Now = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    private static async Task SeedAsync(GongkaiDbContext db, int agencies)
    {
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: Domain.Organisation.AgencyLevel.City, kind: Domain.Organisation.AgencyKind.Government));
        for (var i = 0; i < agencies; i++)
        {
            Assert.Null(await directory.AddAsync($"CITY-{i}", $"示例市第{i}局", "CITY"));
        }
    }

    private static void Publish(GongkaiDbContext db, string code, AnnualReport report, int number = 1)
    {
        db.ReportVersions.Add(new ReportVersionRow
        {
            AgencyCode = code,
            Year = report.Year!.Value,
            Number = number,
            Json = CanonicalJsonWriter.Write(report),
            PublishedAtUtcTicks = new DateTimeOffset(2021, 1, 20 + number, 2, 0, 0, TimeSpan.Zero).UtcTicks,
            PublishedBy = "head",
        });
        db.SaveChanges();
    }

    private static AnnualReport Report(string agency, int seed, ReportEdition edition)
    {
        var r = RandomReports.Create(seed, edition, blankShare: 0.1);
        r.Agency = agency;
        r.Year = 2020;
        return r;
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task StoredRollup_MixedLayoutsTextAndAmounts_SameAsRollingUpTheReports(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db, 4);
        var reports = new[]
        {
            Report("示例市第0局", 1, ReportEdition.Edition2019),
            Report("示例市第1局", 2, ReportEdition.Edition2021),
            Report("示例市第2局", 3, ReportEdition.Edition2019),
            Report("示例市第3局", 4, ReportEdition.Edition2021),
        };
        // A cell both layouts share: text in one report (not summed, a diagnostic), amounts with decimals in two.
        var licensing = reports[0].Schema.ProactiveKeys.First(k => ProactiveEquivalence.Map(reports[0].Schema, k, ReportSchema.Edition2021) is not null);
        var licensing2021 = ProactiveEquivalence.Map(reports[0].Schema, licensing, ReportSchema.Edition2021)!;
        reports[0].SetProactive(licensing, CellValue.FromText("见附件"));
        reports[1].SetProactive(licensing2021, CellValue.FromNumber(12.345m));
        reports[3].SetProactive(licensing2021, CellValue.FromNumber(0.005m));
        for (var i = 0; i < reports.Length; i++)
        {
            Publish(db, $"CITY-{i}", reports[i]);
        }

        var overview = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2020))!;
        var expected = ReportRollup.Of(reports.Select(r => new RollupSource(r.Agency!, r)).ToArray());

        Assert.Equal(CanonicalJsonWriter.Write(expected.Report!), CanonicalJsonWriter.Write(overview.Rollup!.Report!));
        Assert.Equal(0.35m, overview.Rollup.Report!.GetProactive(licensing2021).Number % 1);
        Assert.Equal(expected.Diagnostics.Select(d => d.Code + d.Message).Order(), overview.Rollup.Diagnostics.Select(d => d.Code + d.Message).Order());
        Assert.Equal(expected.Contributions.Keys.Select(k => k.ToString()).Order(), overview.Rollup.Contributions.Keys.Select(k => k.ToString()).Order());
        foreach (var (cell, list) in expected.Contributions)
        {
            // Read from files, a roll-up knows no agency codes; the stored one names each agency's.
            Assert.Equal(list, overview.Rollup.ContributorsOf(cell).Select(c => c with { Code = null }));
            Assert.All(overview.Rollup.ContributorsOf(cell), c => Assert.StartsWith("CITY-", c.Code, StringComparison.Ordinal));
        }

        var other = CellAddress.Applications(ApplicationKeys.OutcomeOtherOther, ApplicantColumn.Total);
        Assert.Contains(overview.Rollup.ContributorsOf(other), c => c.Agency == "示例市第0局");

        // Once built the roll-up needs no database (issue 11 item 9: no synchronous database call on a request path): with
        // its context closed, every figure's contributors are still there.
        Rollup all;
        using (var closed = database.Open())
        {
            all = (await new SupervisionOverview(closed, Now).BuildAsync("CITY", 2020))!.Rollup!;
        }

        Assert.Equal(expected.Contributions.Keys.Select(k => k.ToString()).Order(), all.Contributions.Keys.Select(k => k.ToString()).Order());
        foreach (var (cell, list) in expected.Contributions)
        {
            Assert.Equal(list, all.ContributorsOf(cell).Select(c => c with { Code = null }));
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Summary_CollectedOrPublishedNewVersion_ReplacedNotDuplicated(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db, 2);
        var first = Report("示例市第0局", 1, ReportEdition.Edition2019);
        first.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total, 7);
        Publish(db, "CITY-0", first);
        var collected = Report("示例市第1局", 2, ReportEdition.Edition2019);
        var html = System.Text.Encoding.UTF8.GetBytes(Gongkai.Reporting.Rendering.ReportRenderer.RenderToString(collected, Gongkai.Reporting.Rendering.RenderFormat.Html));

        await new CollectReports(db, Now).CollectAsync("CITY", [new("b.html", html)], 2020, "x");

        // Collecting writes the summary at once; the version published behind the store's back waits for the overview.
        Assert.Equal(["CITY-1"], db.Set<ReportSummaryRow>().AsNoTracking().Select(s => s.AgencyCode).ToList());
        var before = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2020))!;
        Assert.Equal(7, before.Rollup!.ContributorsOf(CellAddress.Applications(ApplicationKeys.NewReceived, ApplicantColumn.Total)).Single(c => c.Agency == "示例市第0局").Value);

        var corrected = first.Clone();
        corrected.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total, 70);
        Publish(db, "CITY-0", corrected, number: 2);
        var after = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2020))!;

        Assert.Equal(70, after.Rollup!.ContributorsOf(CellAddress.Applications(ApplicationKeys.NewReceived, ApplicantColumn.Total)).Single(c => c.Agency == "示例市第0局").Value);
        Assert.Equal(new DateOnly(2021, 1, 21), after.Agencies.Single(a => a.Code == "CITY-0").PublishedOn);
        Assert.Equal(2, db.Set<ReportSummaryRow>().Count(s => s.Year == 2020));
        var summary = db.Set<ReportSummaryRow>().AsNoTracking().Single(s => s.AgencyCode == "CITY-0");
        Assert.Equal(db.ReportVersions.Single(v => v.AgencyCode == "CITY-0" && v.Number == 2).Id, summary.SourceId);
        Assert.Equal(
            SummaryCells.Cells(corrected).Count(c => c.Millionths is not null),
            PackedCells.Unpack(db.Set<ReportSummaryNumbersRow>().Single(n => n.SummaryId == summary.Id).Cells).Cells.Length);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task PackedNumbersMigration_EmptiesTheSummaries_BothWays_AndTheNextOverviewRebuildsTheSameRollup(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db, 3);
        Publish(db, "CITY-0", Report("示例市第0局", 1, ReportEdition.Edition2021));
        Publish(db, "CITY-1", Report("示例市第1局", 2, ReportEdition.Edition2019));
        var before = SupervisionJson.Write((await new SupervisionOverview(db, Now).BuildAsync("CITY", 2020))!);
        Assert.Equal(2, db.Set<ReportSummaryRow>().Count());

        // Down: back to one row a cell, summaries emptied (they are a cache of the stored reports).
        var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db);
        await migrator.MigrateAsync(Persistence.Migrations.Changes.StaffUserAgencyIndex.Id);
        Assert.Equal(0, db.Set<ReportSummaryRow>().Count());
        await db.Database.ExecuteSqlRawAsync("INSERT INTO report_summaries (agency_code, year, source, source_id, edition, late, errors, warnings, uncertain, score) VALUES ('CITY-2', 2020, 'collected', 99, '2021', FALSE, 0, 0, 0, 100)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO report_summary_cells (summary_id, cell_id, millionths) SELECT id, 1, 5000000 FROM report_summaries");

        // Up: the old rows are gone with their table; the first overview summarises the reports again, to the same figures.
        await migrator.MigrateAsync();
        Assert.Equal(0, db.Set<ReportSummaryRow>().Count());
        Assert.Equal(0, db.Set<ReportSummaryNumbersRow>().Count());
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => db.Database.ExecuteSqlRawAsync("SELECT COUNT(*) FROM report_summary_cells"));
        Assert.Equal(before, SupervisionJson.Write((await new SupervisionOverview(db, Now).BuildAsync("CITY", 2020))!));
        Assert.Equal(2, db.Set<ReportSummaryNumbersRow>().Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ManyAgencies_ReadByYear_FewByCode_TheSameSummaries(string provider)
    {
        // Over 200 agencies a refresh reads the year's rows and picks its agencies; up to 200 it reads theirs by code.
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await SeedAsync(db, 205);
        Publish(db, "CITY-3", Report("示例市第3局", 3, ReportEdition.Edition2021));
        Publish(db, "CITY-204", Report("示例市第204局", 4, ReportEdition.Edition2019));

        var overview = (await new SupervisionOverview(db, Now).BuildAsync("CITY", 2020))!;

        Assert.Equal(205, overview.Agencies.Count);
        Assert.Equal(["CITY-204", "CITY-3"], overview.Agencies.Where(a => a.Status == ReportStatus.Published).Select(a => a.Code).Order(StringComparer.Ordinal));
        Assert.Equal(203, overview.Agencies.Count(a => a.Status == ReportStatus.NotStarted));
        var beneath = new AgencyDirectory(db).Beneath("CITY");
        var all = await ReportSummaryStore.RefreshAsync(db, 2020, beneath);
        var few = await ReportSummaryStore.RefreshAsync(db, 2020, beneath.Where(a => a.Code is "CITY-3" or "CITY-204" or "CITY-5").ToList());
        Assert.Equal(["CITY-204", "CITY-3"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(all.Values.Select(s => (s.Id, s.SourceId, s.Score)).Order(), few.Values.Select(s => (s.Id, s.SourceId, s.Score)).Order());
    }
}
