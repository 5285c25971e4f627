using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Testing;
using Gongkai.UseCases.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>The officer's queue and bulk assignment on each database: the search, the sort, one agency only, all or nothing.</summary>
public sealed class CaseQueueTests
{
    private static readonly FixedTime Time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));

    private static (GongkaiDbContext Db, Guid[] A, Guid B) Seed(TestDatabase database)
    {
        var db = database.Open();
        var store = new CaseStore(db);
        store.AddAgency("A", "甲机关");
        store.AddAgency("B", "乙机关");
        db.StaffUsers.AddRange(
            new StaffUserRow { UserName = "a.clerk", DisplayName = "甲办理人员", AgencyCode = "A" },
            new StaffUserRow { UserName = "b.clerk", DisplayName = "乙办理人员", AgencyCode = "B" });
        db.SaveChanges();
        db.ChangeTracker.Clear();
        DisclosureApplication Case(string agency, string number, string name, string request, int daysAgo) => DisclosureApplication.Receive(
            Guid.NewGuid(), agency, number, new Applicant(ApplicantCategory.NaturalPerson, name, "110101199001011237", "13900000000"),
            request, "邮寄", ReceiptChannel.InPerson, new DateOnly(2026, 11, 30).AddDays(-daysAgo), Time.GetUtcNow(), "clerk");
        var a = new[]
        {
            Case("A", "A-20261101-000003", "张三", "关于某某路拓宽工程的立项批复", 29),
            Case("A", "A-20261120-000001", "李四", "2025年城市绿化经费的使用情况", 10),
            Case("A", "A-20261125-000002", "王五", "某某小区拆迁补偿方案", 5),
        };
        var b = Case("B", "B-20261125-000001", "张三", "某某路拓宽工程的环评报告", 5);
        store.AddRange([.. a, b]);
        return (db, a.Select(x => x.Id).ToArray(), b.Id);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Search_NumberNameOrRequest_OneAgencyOnly_Sorted(string provider)
    {
        using var database = new TestDatabase(provider);
        var (db, _, _) = Seed(database);
        using var _ = db;
        var queue = new CaseQueue(db, WorkingDayCalendar.Embedded, Time);
        async Task<string[]> Find(string? search, string? sort = null, bool desc = false) =>
            (await queue.ListAsync("A", new CaseQueue.Filter(State: "all", Search: search), sort, desc, 100)).Rows.Select(r => r.TrackingNumber).ToArray();

        Assert.Equal(["A-20261101-000003"], await Find("张三"));
        Assert.Equal(["A-20261101-000003"], await Find("拓宽工程"));
        Assert.Equal(["A-20261120-000001"], await Find("a-20261120"));
        Assert.Empty(await Find("环评报告"));
        Assert.Equal(["A-20261101-000003", "A-20261120-000001", "A-20261125-000002"], await Find(null, "number"));
        Assert.Equal(["A-20261125-000002", "A-20261120-000001", "A-20261101-000003"], await Find(null, "received", desc: true));
        Assert.Equal(["A-20261101-000003", "A-20261120-000001", "A-20261125-000002"], await Find(null));

        var result = await queue.ListAsync("A", new CaseQueue.Filter(State: "all"), null, false, 2);
        Assert.Equal((3, 2), (result.Total, result.Rows.Count));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Assign_OwnCases_AuditedEach_AnotherAgencysIdOrOfficer_NothingChanges(string provider)
    {
        using var database = new TestDatabase(provider);
        var (db, a, b) = Seed(database);
        using var _ = db;
        var assignment = new CaseAssignment(db, new AuditLog(db, Time));

        var foreignCase = await assignment.RunAsync("A", "a.head", [a[0], b], "a.clerk");
        var foreignOfficer = await assignment.RunAsync("A", "a.head", [a[0]], "b.clerk");
        var none = await assignment.RunAsync("A", "a.head", [], "a.clerk");

        Assert.Equal(CaseAssignment.Status.NotFound, foreignCase.Status);
        Assert.Equal(CaseAssignment.Status.NoSuchOfficer, foreignOfficer.Status);
        Assert.Equal(CaseAssignment.Status.NothingSelected, none.Status);
        Assert.Equal(0, await db.Applications.CountAsync(x => x.AssignedOfficer != null));
        Assert.Equal(0, await db.Audit.CountAsync());

        var done = await assignment.RunAsync("A", "a.head", [a[0], a[1], a[1]], "a.clerk");

        Assert.Equal((CaseAssignment.Status.Done, 2), (done.Status, done.Count));
        Assert.Equal(
            ["A-20261101-000003", "A-20261120-000001"],
            await db.Applications.Where(x => x.AssignedOfficer == "a.clerk").OrderBy(x => x.TrackingNumber).Select(x => x.TrackingNumber).ToListAsync());
        var audit = await db.Audit.OrderBy(x => x.Target).ToListAsync();
        Assert.Equal(["A-20261101-000003", "A-20261120-000001"], audit.Select(x => x.Target));
        Assert.All(audit, x => Assert.Equal(("case.assign", "a.head", "A", "指派给 a.clerk"), (x.Action, x.Actor, x.AgencyCode, x.Detail)));
        Assert.Null(await db.Applications.Where(x => x.Id == b).Select(x => x.AssignedOfficer).SingleAsync());
    }
}
