using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Persistence.Outbox;
using Gongkai.Testing;
using Gongkai.UseCases.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>每日待办提醒: what each officer's digest lists, and that a day's digest is queued once, however often asked.</summary>
public sealed class OfficerDigestTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Embedded;
    private static readonly DateOnly Today = new(2024, 11, 12);
    private static readonly DateTimeOffset Now = new(2024, 11, 12, 1, 0, 0, TimeSpan.Zero);

    private static DisclosureApplication Received(string tracking, DateOnly on) =>
        DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", tracking, new Applicant(ApplicantCategory.NaturalPerson, "张三", "110101199001011237", "13800000000"),
            "申请内容 " + tracking, "电子文档", ReceiptChannel.Online, on, Now.AddDays(-60), "申请人");

    // A case received n working days before today is due 20 - n working days from today.
    private static DateOnly Before(int workingDays)
    {
        var day = Today;
        for (var i = 0; i < workingDays; day = day.AddDays(-1))
        {
            if (Calendar.IsWorkingDay(day.AddDays(-1)))
            {
                i++;
            }
        }

        return day;
    }

    private static void Seed(GongkaiDbContext db)
    {
        var store = new CaseStore(db);
        store.AddAgency("DEMO", "示范市人民政府办公室");
        db.StaffUsers.AddRange(
            new StaffUserRow { UserName = "clerk", DisplayName = "李办理", AgencyCode = "DEMO", Role = 0, Email = "clerk@example.gov.cn" },
            new StaffUserRow { UserName = "quiet", DisplayName = "王无事", AgencyCode = "DEMO", Role = 0, Email = "quiet@example.gov.cn" },
            new StaffUserRow { UserName = "nomail", DisplayName = "赵无邮", AgencyCode = "DEMO", Role = 0 },
            new StaffUserRow { UserName = "head", DisplayName = "周主任", AgencyCode = "DEMO", Role = 1, Email = "head@example.gov.cn" });
        db.SaveChanges();
        var overdue = Received("GK-OVERDUE", Before(25));
        var soon = Received("GK-SOON", Before(18));
        var later = Received("GK-LATER", Before(2));
        var closed = Received("GK-CLOSED", Before(30));
        Assert.True(closed.Decide(Outcome.Granted, Before(10), "予以公开。", Now, "clerk").Succeeded);
        var waiting = Received("GK-WAITING", Before(5));
        Assert.True(waiting.Decide(Outcome.Partial, Before(1), "部分公开。", Now, "clerk", ApprovalPolicy.AllButGranted).Succeeded);
        var nomail = Received("GK-NOMAIL", Before(25));
        store.AddRange([overdue, soon, later, closed, waiting, nomail], assign: new Dictionary<Guid, string?>
        {
            [overdue.Id] = "clerk",
            [soon.Id] = "clerk",
            [later.Id] = "clerk",
            [closed.Id] = "clerk",
            [waiting.Id] = "clerk",
            [nomail.Id] = "nomail",
        });
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Digest_ListsOverdueAndDueWithinThreeWorkingDays_HeadAlsoApprovals_NobodyWithNothing(string provider)
    {
        using var database = new TestDatabase(provider);
        using (var db = database.Open())
        {
            Seed(db);
        }

        using (var db = database.Open())
        {
            Assert.Equal(2, await new OfficerDigests(db, Calendar).QueueAsync(new Outbox(db, new FixedTime(Now)), Today));
        }

        using (var db = database.Open())
        {
            var rows = await db.Set<OutboxRow>().AsNoTracking().OrderBy(r => r.To).ToListAsync();
            Assert.Equal(["clerk@example.gov.cn", "head@example.gov.cn"], rows.Select(r => r.To));
            var clerk = rows[0].Body;
            Assert.Equal("每日待办提醒（2024-11-12）", rows[0].Subject);
            Assert.Contains("已逾期 1 件，3 个工作日内到期 1 件", clerk, StringComparison.Ordinal);
            Assert.Contains("GK-OVERDUE", clerk, StringComparison.Ordinal);
            Assert.Contains("GK-SOON", clerk, StringComparison.Ordinal);
            Assert.Contains("答复期限 " + WorkingDays.Add(Calendar, Before(18), 20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), clerk, StringComparison.Ordinal);
            Assert.DoesNotContain("GK-LATER", clerk, StringComparison.Ordinal);
            Assert.DoesNotContain("GK-CLOSED", clerk, StringComparison.Ordinal);
            Assert.DoesNotContain("GK-NOMAIL", clerk, StringComparison.Ordinal);
            Assert.Contains("GK-WAITING", rows[1].Body, StringComparison.Ordinal);
            Assert.Contains("待您审核的答复意见（1 件）", rows[1].Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Digest_AskedAgainAndByTwoServersAtOnce_QueuedOncePerOfficerPerDay(string provider)
    {
        using var database = new TestDatabase(provider);
        using (var db = database.Open())
        {
            Seed(db);
        }

        // Two servers (two contexts) racing, then a restart asking again: one row per officer.
        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var db = database.Open();
            return await new OfficerDigests(db, Calendar).QueueAsync(new Outbox(db, new FixedTime(Now)), Today);
        }));
        using (var db = database.Open())
        {
            Assert.Equal(0, await new OfficerDigests(db, Calendar).QueueAsync(new Outbox(db, new FixedTime(Now)), Today));
            Assert.Equal(2, passes.Sum());
            Assert.Equal(2, await db.Set<OutboxRow>().CountAsync());

            // The next day is a new digest.
            Assert.Equal(2, await new OfficerDigests(db, Calendar).QueueAsync(new Outbox(db, new FixedTime(Now.AddDays(1))), Today.AddDays(1)));
        }
    }
}
