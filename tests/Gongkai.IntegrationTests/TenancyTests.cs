using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Reviews;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// Tenancy in one place (GongkaiDbContext.Tenancy): a context scoped to one agency sees none of another agency's
/// cases, reviews, audit entries, drafts or versions — by id, by tracking number (the compiled query), by bulk
/// update — and cannot write them; a read-only scope writes nothing. On both databases.
/// </summary>
public sealed class TenancyTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 2, 0, 0, TimeSpan.Zero);

    private static DisclosureApplication NewCase(string agency, string tracking) =>
        DisclosureApplication.Receive(Guid.NewGuid(), agency, tracking, new Applicant(ApplicantCategory.NaturalPerson, "李四", "110101199001011237", "13900000000"),
            "某项目的环评批复", "电子邮件", ReceiptChannel.Online, new DateOnly(2025, 3, 3), At, "clerk");

    private static (DisclosureApplication A, DisclosureApplication B, Guid ReviewB) Seed(TestDatabase database)
    {
        using var db = database.Open();
        var store = new CaseStore(db);
        store.AddAgency("A", "甲局");
        store.AddAgency("B", "乙局");
        var a = NewCase("A", "A-1");
        var b = NewCase("B", "B-1");
        var review = new ReviewCase(Guid.NewGuid(), "B", b.Id, ReviewKind.Reconsideration, new DateOnly(2025, 5, 6), ReviewResult.Pending, null, false);
        store.AddRange([a, b], [review]);
        db.Audit.Add(new AuditRow { Actor = "b.clerk", AgencyCode = "B", Action = "case.Decide", Target = "B-1", Detail = "乙" });
        db.ReportDrafts.Add(new ReportDraftRow { AgencyCode = "B", Year = 2025, Json = "{}", UpdatedBy = "b.head" });
        db.ReportVersions.Add(new ReportVersionRow { AgencyCode = "B", Year = 2025, Number = 1, Json = "{}", PublishedBy = "b.head", ChangeNote = string.Empty });
        db.SaveChanges();
        return (a, b, review.Id);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ScopedContext_SeesOnlyItsAgency_WhateverTheQuerySays(string provider)
    {
        using var database = new TestDatabase(provider);
        var (a, b, reviewB) = Seed(database);
        using var db = database.Open();
        db.Scope = new FixedAgencyScope("A");

        Assert.Equal([a.Id], db.Applications.Select(x => x.Id).ToList());
        Assert.Null(db.Applications.SingleOrDefault(x => x.Id == b.Id));
        Assert.Null(db.Applications.Find(b.Id));
        Assert.Null(new CaseStore(db).Get(b.Id));
        Assert.Null(new CaseStore(db).FindByTrackingNumber("B-1"));
        Assert.NotNull(new CaseStore(db).FindByTrackingNumber("A-1"));
        Assert.Empty(db.Reviews.Where(r => r.Id == reviewB));
        Assert.Empty(db.Audit.Where(x => x.Target == "B-1"));
        Assert.Empty(db.ReportDrafts);
        Assert.Empty(db.ReportVersions);
        Assert.Empty(new CaseStore(db).Reviews("B"));
        Assert.False(new CaseStore(db).Assign(b.Id, "a.clerk"));
        Assert.False(await new CaseStore(db).RecordReviewResultAsync(reviewB, "B", ReviewResult.Upheld, new DateOnly(2025, 8, 1)));

        using var unscoped = database.Open();
        Assert.Null(new CaseStore(unscoped).AssignedOfficer(b.Id));
        Assert.Equal((int)ReviewResult.Pending, unscoped.Reviews.Single(r => r.Id == reviewB).Result);
        Assert.Equal(2, unscoped.Applications.Count());
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void ScopedContext_RefusesToWriteAnotherAgencysRow_NothingWritten(string provider)
    {
        using var database = new TestDatabase(provider);
        Seed(database);
        using var db = database.Open();
        db.Scope = new FixedAgencyScope("A");

        var error = Assert.Throws<InvalidOperationException>(() => new CaseStore(db).Add(NewCase("B", "B-2")));

        Assert.Contains("其他机关", error.Message, StringComparison.Ordinal);
        using var unscoped = database.Open();
        Assert.Equal(0, unscoped.Applications.Count(x => x.TrackingNumber == "B-2"));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void ReadOnlyScope_ReadsButSavesNothing(string provider)
    {
        using var database = new TestDatabase(provider);
        var (a, _, _) = Seed(database);
        using var db = database.Open();
        db.Scope = new FixedAgencyScope("A", ReadOnly: true);
        var store = new CaseStore(db);
        var loaded = store.Get(a.Id)!;
        var version = loaded.Version;
        Assert.True(loaded.StartConsultation(new DateOnly(2025, 3, 5), "第三方", At, "supervisor").Succeeded);

        Assert.Throws<InvalidOperationException>(() => store.Save(loaded, version));

        using var unscoped = database.Open();
        Assert.Equal(ApplicationState.InProgress, new CaseStore(unscoped).Get(a.Id)!.State);
    }
}
