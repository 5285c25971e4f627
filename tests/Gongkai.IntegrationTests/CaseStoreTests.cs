using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reviews;
using Gongkai.Domain.Statistics;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

public sealed class CaseStoreTests
{
    private static readonly DateTimeOffset At = new(2024, 9, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;

    private static DisclosureApplication NewCase(string tracking, DateOnly received, ApplicantCategory category = ApplicantCategory.NaturalPerson) =>
        DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", tracking, new Applicant(category, "李四", "110101199001011237", "13900000000"),
            "关于某某项目的环评批复", "邮寄纸质件", ReceiptChannel.RegisteredPost, received, At, "clerk");

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void Migrate_Twice_SchemaMatchesTheModel(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();

        Database.Migrate(db);

        Assert.Empty(db.Database.GetPendingMigrations());
        // The four hand-written migrations first, then every change stated once (Migrations/Changes), all applied.
        Assert.Equal(["20261122000000_Initial", "20261122010000_StaffUsers", "20261122020000_AgreedDeadline", "20261122030000_Workspace"], db.Database.GetAppliedMigrations().Take(4));
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
        Assert.Equal(0, db.Applications.Count());
        Assert.Equal(0, db.Events.Count() + db.Pauses.Count() + db.Reviews.Count() + db.Agencies.Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void Save_FullHistory_RoundTrips(string provider)
    {
        using var database = new TestDatabase(provider);
        var a = NewCase("GK-1", new DateOnly(2025, 3, 3));
        using (var db = database.Open())
        {
            new CaseStore(db).Add(a);
        }

        using (var db = database.Open())
        {
            var store = new CaseStore(db);
            var loaded = store.Get(a.Id)!;
            var version = loaded.Version;
            Assert.True(loaded.StartConsultation(new DateOnly(2025, 3, 5), "第三方", At, "clerk").Succeeded);
            Assert.True(loaded.EndConsultation(new DateOnly(2025, 3, 12), "同意", At, "clerk").Succeeded);
            Assert.True(loaded.SetLaterDeadline(new DateOnly(2025, 6, 30), new DateOnly(2025, 3, 12), "申请 120 件，理由合理", At, "head", Calendar, DeadlinePolicy.Default).Succeeded);
            Assert.True(loaded.IssueFeeNotice(new DateOnly(2025, 3, 13), 200m, "按件计收", At, "clerk", Calendar, DeadlinePolicy.Default).Succeeded);
            Assert.Equal(SaveOutcome.Saved, store.Save(loaded, version));
        }

        using (var db = database.Open())
        {
            var back = new CaseStore(db).Get(a.Id)!;
            Assert.Equal(ApplicationState.AwaitingPayment, back.State);
            Assert.Equal(5, back.Events.Count);
            Assert.Equal(new DateOnly(2025, 6, 30), back.AgreedDeadline);
            Assert.Equal(2, back.Pauses.Count);
            Assert.Equal(DateOnly.MaxValue, back.Pauses[1].To);
            Assert.Equal(200m, back.FeeAmount);
            Assert.Equal(At, back.Events[0].RecordedAt);
            Assert.Equal("李四", back.Applicant.Name);
            Assert.Equal(a.ReplyDeadline(Calendar, DeadlinePolicy.Default, new DateOnly(2025, 3, 3))!.Due.Year, back.FirstReceivedOn.Year);
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void Save_TwoOfficersSameCase_SecondGetsConflictNothingLost(string provider)
    {
        using var database = new TestDatabase(provider);
        var a = NewCase("GK-2", new DateOnly(2025, 3, 3));
        using (var db = database.Open())
        {
            new CaseStore(db).Add(a);
        }

        using var first = database.Open();
        using var second = database.Open();
        var mine = new CaseStore(first).Get(a.Id)!;
        var theirs = new CaseStore(second).Get(a.Id)!;
        var loadedVersion = mine.Version;

        mine.Decide(Outcome.Granted, new DateOnly(2025, 3, 20), "予以公开", At, "officer-a");
        theirs.Decide(Outcome.UnavailableNotHeld, new DateOnly(2025, 3, 21), "本机关不掌握", At, "officer-b");

        Assert.Equal(SaveOutcome.Saved, new CaseStore(first).Save(mine, loadedVersion));
        Assert.Equal(SaveOutcome.Conflict, new CaseStore(second).Save(theirs, loadedVersion));

        using var check = database.Open();
        var stored = new CaseStore(check).Get(a.Id)!;
        Assert.Equal(Outcome.Granted, stored.Outcome);
        Assert.Equal("officer-a", stored.Events[^1].Actor);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task AnnualTables_InDatabase_EqualsComputedFromRecordsAndValidates(string provider)
    {
        using var database = new TestDatabase(provider);
        var random = new Random(5);
        var cases = new List<DisclosureApplication>();
        for (var i = 0; i < 400; i++)
        {
            var received = new DateOnly(2022, 1, 1).AddDays(random.Next(3 * 365));
            var a = NewCase($"GK-{i:D4}", received, (ApplicantCategory)random.Next(6));
            if (random.Next(10) > 0)
            {
                var outcome = (Outcome)random.Next(Enum.GetValues<Outcome>().Length - 3);
                a.Decide(outcome, received.AddDays(random.Next(1, 60)), "答复", At, "clerk");
            }

            cases.Add(a);
        }

        ReviewCase[] reviews =
        [
            new(Guid.NewGuid(), "DEMO", cases[0].Id, ReviewKind.Reconsideration, new DateOnly(2023, 5, 1), ReviewResult.Upheld, new DateOnly(2023, 7, 1), false),
            new(Guid.NewGuid(), "DEMO", cases[1].Id, ReviewKind.DirectLitigation, new DateOnly(2023, 11, 1), ReviewResult.Pending, null, false),
        ];
        using (var db = database.Open())
        {
            new CaseStore(db).AddRange(cases, reviews);
        }

        using var read = database.Open();
        var store = new CaseStore(read);
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var fromDatabase = await store.AnnualTablesAsync("DEMO", year);
            var (expected, drill) = AnnualTables.Compute("DEMO", year, cases.Select(CaseFacts.Of), reviews);
            foreach (var (row, column, value) in expected.ApplicationCells())
            {
                Assert.Equal(value, fromDatabase.GetApplications(row, column));
            }

            foreach (var column in expected.Schema.ReviewColumns)
            {
                Assert.Equal(expected.GetReview(column.Key), fromDatabase.GetReview(column.Key));
            }

            var granted = await store.CasesInCellAsync("DEMO", year, "apps.outcome.granted", ApplicantColumn.Total);
            Assert.Equal(fromDatabase.GetApplications("apps.outcome.granted", ApplicantColumn.Total), granted.Count);
            Assert.Equal((drill.GetValueOrDefault("apps.outcome.granted@total") ?? []).Order(), granted.Select(g => g.Id).Order());
        }
    }
}
