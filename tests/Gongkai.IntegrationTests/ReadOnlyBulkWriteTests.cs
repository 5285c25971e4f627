using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// A supervisor's read-only scope refuses the writes that bypass SaveChanges (ExecuteUpdate, ExecuteDelete, raw SQL)
/// before they reach the database, the audit log's included; accounts (sign-in counters, session stamps) stay writable. On both databases.
/// </summary>
public sealed class ReadOnlyBulkWriteTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private static Guid Seed(TestDatabase database)
    {
        using var db = database.Open();
        var store = new CaseStore(db);
        store.AddAgency("A", "甲局");
        var a = DisclosureApplication.Receive(Guid.NewGuid(), "A", "A-1", new Applicant(ApplicantCategory.NaturalPerson, "李四", "110101199001011237", "13900000000"),
            "某项目的环评批复", "电子邮件", ReceiptChannel.Online, new DateOnly(2025, 3, 3), At, "clerk");
        store.Add(a);
        db.StaffUsers.Add(new StaffUserRow { UserName = "a.supervisor", DisplayName = "督查", PasswordHash = "x", AgencyCode = "A" });
        db.Audit.Add(new AuditRow { Actor = "a.clerk", AgencyCode = "A", Action = "case.Decide", Target = "A-1", Detail = "甲" });
        db.SaveChanges();
        return a.Id;
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ReadOnlyScope_BulkWritesRefused_NothingChanged(string provider)
    {
        using var database = new TestDatabase(provider);
        var id = Seed(database);
        using var db = database.Open();
        db.Scope = new FixedAgencyScope("A", ReadOnly: true);

        Assert.Contains("只读", Assert.Throws<InvalidOperationException>(() => new CaseStore(db).Assign(id, "a.clerk")).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Applications.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.State, (int)ApplicationState.Closed)));
        Assert.Throws<InvalidOperationException>(() => db.Applications.Where(a => a.Id == id).ExecuteDelete());
        Assert.Throws<InvalidOperationException>(() => db.Reviews.ExecuteDelete());
        // The audit log is appended to (SaveChanges), never rewritten in bulk.
        Assert.Throws<InvalidOperationException>(() => db.Audit.Where(a => a.Target == "A-1").ExecuteDelete());
        Assert.Throws<InvalidOperationException>(() => db.Database.ExecuteSqlRaw("DELETE FROM applications"));

        using var unscoped = database.Open();
        var row = unscoped.Applications.Single(a => a.Id == id);
        Assert.Null(row.AssignedOfficer);
        Assert.Equal((int)ApplicationState.InProgress, row.State);
        Assert.Equal(1, unscoped.Audit.Count(a => a.Target == "A-1"));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ReadOnlyScope_AccountsStillWritable_OfficerScopeBulkWrites(string provider)
    {
        using var database = new TestDatabase(provider);
        var id = Seed(database);
        using (var supervisor = database.Open())
        {
            supervisor.Scope = new FixedAgencyScope("A", ReadOnly: true);
            Assert.Equal(1, await supervisor.StaffUsers.Where(u => u.UserName == "a.supervisor").ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, "督查员")));
        }

        using (var officer = database.Open())
        {
            officer.Scope = new FixedAgencyScope("A");
            Assert.True(new CaseStore(officer).Assign(id, "a.clerk"));
        }

        using var unscoped = database.Open();
        Assert.Equal("督查员", unscoped.StaffUsers.Single(u => u.UserName == "a.supervisor").DisplayName);
        Assert.Equal("a.clerk", unscoped.Applications.Single(a => a.Id == id).AssignedOfficer);
    }
}
