using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.UseCases.Reports;

namespace Gongkai.IntegrationTests;

/// <summary>The workspace tables on both providers: report drafts (optimistic concurrency), published versions (immutable, numbered), the audit log, assignment.</summary>
public sealed class WorkspaceStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 10, 8, 0, 0, TimeSpan.Zero);

    private static void Seed(GongkaiDbContext db)
    {
        Database.Migrate(db);
        var store = new CaseStore(db);
        store.AddAgency("DEMO", "示例机关");
        var a = DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", "GK-1", new Applicant(ApplicantCategory.Research, "某所", "91110000", "010"),
            "某文件", "邮寄", ReceiptChannel.Online, new DateOnly(2025, 3, 3), At, "clerk");
        a.Decide(Outcome.Granted, new DateOnly(2025, 3, 10), "予以公开", At, "clerk");
        store.Add(a, assignedOfficer: "clerk");
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Draft_SecondSaveOfTheSameVersion_Conflict_FirstKept(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        var workspace = new ReportWorkspace(db, TimeProvider.System);

        var first = await workspace.SaveDraftAsync("DEMO", 2025, new Dictionary<string, string?>(), new Dictionary<string, string?> { ["sec5"] = "甲" }, 0, "head");
        var second = await workspace.SaveDraftAsync("DEMO", 2025, new Dictionary<string, string?>(), new Dictionary<string, string?> { ["sec5"] = "乙" }, 0, "clerk");

        Assert.Equal(ReportWorkspace.SaveResult.Saved, first);
        Assert.Equal(ReportWorkspace.SaveResult.Conflict, second);
        var opened = (await workspace.OpenAsync("DEMO", 2025))!;
        Assert.Equal("甲", opened.Report.Sections.Sec5);
        Assert.Equal(1, opened.DraftVersion);
        Assert.Equal(1, opened.Report.GetApplications("apps.outcome.granted", Domain.Reports.ApplicantColumn.Research));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Publish_ThenCorrect_VersionsNumberedAndFrozen(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        var workspace = new ReportWorkspace(db, TimeProvider.System);
        await workspace.SaveDraftAsync("DEMO", 2025, new Dictionary<string, string?>(), new Dictionary<string, string?> { ["sec5"] = "第一版" }, 0, "clerk");

        Assert.Equal(1, (await workspace.PublishAsync("DEMO", 2025, "head", null)).Number);
        var v1 = await workspace.VersionJsonAsync("DEMO", 2025, 1);
        Assert.NotNull((await workspace.PublishAsync("DEMO", 2025, "head", null)).Error);
        await workspace.SaveDraftAsync("DEMO", 2025, new Dictionary<string, string?>(), new Dictionary<string, string?> { ["sec5"] = "第二版" }, 1, "clerk");
        Assert.Equal(2, (await workspace.PublishAsync("DEMO", 2025, "head", "更正第五部分")).Number);

        Assert.Equal(v1, await workspace.VersionJsonAsync("DEMO", 2025, 1));
        Assert.Contains("第二版", (await workspace.VersionJsonAsync("DEMO", 2025))!, StringComparison.Ordinal);
        Assert.Equal(["", "更正第五部分"], (await workspace.VersionsAsync("DEMO", 2025)).Select(v => v.ChangeNote));
        Assert.Equal(2, (await workspace.CurrentVersionsAsync()).Single().Number);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void AuditAndAssignment_Stored(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Seed(db);
        var audit = new AuditLog(db, TimeProvider.System);
        var store = new CaseStore(db);
        var id = db.Applications.Single().Id;

        audit.Record("clerk", "DEMO", "case.Decide", "GK-1", "完成");
        audit.Record("head", "DEMO", "report.publish", "report:2025", "发布第 1 版");
        Assert.True(store.Assign(id, "head"));

        Assert.Equal(["report.publish", "case.Decide"], audit.Recent("DEMO").Select(a => a.Action));
        Assert.Single(audit.Recent("DEMO", target: "GK-1"));
        Assert.Equal("head", store.AssignedOfficer(id));
        Assert.False(store.Assign(Guid.NewGuid(), "head"));

        // The compiled status query, used on both providers in one process (each has its own model).
        var found = store.FindByTrackingNumber("GK-1")!.Value;
        Assert.Equal(2, found.Application.Events.Count);
        Assert.Null(store.FindByTrackingNumber("GK-404"));
    }
}
