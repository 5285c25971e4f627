using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Outbox;
using Gongkai.Testing;
using Gongkai.UseCases.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>答复审核 through the one action path (CaseActions), stored and reloaded on every configured database.</summary>
public sealed class DecisionApprovalTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 14, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeProvider Time = new FixedTime(Now);

    private static DisclosureApplication NewCase(string email = "applicant@example.com") =>
        DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", "GK-A-" + Guid.NewGuid().ToString("N")[..6], new Applicant(ApplicantCategory.Commercial, "某某科技有限公司", "91110000100000000R", "13900000000", null, email),
            "某某项目的环评批复", "电子文档", ReceiptChannel.Online, new DateOnly(2024, 9, 30), Now.AddDays(-14), "申请人");

    private static CaseActions Actions(GongkaiDbContext db, ApprovalPolicy policy = ApprovalPolicy.AllButGranted) =>
        new(db, WorkingDayCalendar.Embedded, Time, new AuditLog(db, Time), policy);

    private static async Task<CaseActions.Result> Run(GongkaiDbContext db, Guid id, CaseAction action, string actor, bool head, Outcome? outcome = null, string? text = null, ApprovalPolicy policy = ApprovalPolicy.AllButGranted)
    {
        var version = new CaseStore(db).Get(id)!.Version;
        return await Actions(db, policy).RunAsync(id, version, new CaseCommand { Action = action, On = new DateOnly(2024, 10, 14), Outcome = outcome, Text = text }, actor, "DEMO", head);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task PartialDecision_WaitsForTheHead_ThenIssuedOnApproval_ReplyMailOnlyThen(string provider)
    {
        using var database = new TestDatabase(provider);
        var a = NewCase();
        using (var db = database.Open())
        {
            new CaseStore(db).AddAgency("DEMO", "示范市人民政府办公室");
            new CaseStore(db).Add(a);
        }

        using (var db = database.Open())
        {
            var decided = await Run(db, a.Id, CaseAction.Decide, "clerk", head: false, Outcome.Partial, "部分公开，第三方个人信息不予公开。");
            Assert.Equal(CaseActions.Status.Done, decided.Status);
            Assert.Contains("报送公开办负责人审核", decided.Message, StringComparison.Ordinal);
        }

        using (var db = database.Open())
        {
            var stored = new CaseStore(db).Get(a.Id)!;
            Assert.Equal(ApplicationState.AwaitingApproval, stored.State);
            Assert.Equal(new DecisionProposal(Outcome.Partial, new DateOnly(2024, 10, 14), "部分公开，第三方个人信息不予公开。", "clerk"), stored.Proposal);
            Assert.Null(stored.Outcome);
            Assert.False(await db.Set<OutboxRow>().AnyAsync(r => r.Subject.StartsWith("答复已作出")));
            Assert.Equal(1, await db.Applications.CountAsync(r => r.State == (int)ApplicationState.AwaitingApproval));

            var byClerk = await Run(db, a.Id, CaseAction.ApproveDecision, "clerk", head: false);
            Assert.Equal(CaseActions.Status.Forbidden, byClerk.Status);
            Assert.Equal(ApplicationState.AwaitingApproval, new CaseStore(db).Get(a.Id)!.State);
        }

        using (var db = database.Open())
        {
            Assert.Equal(CaseActions.Status.Done, (await Run(db, a.Id, CaseAction.ApproveDecision, "head", head: true)).Status);
        }

        using (var db = database.Open())
        {
            var closed = new CaseStore(db).Get(a.Id)!;
            Assert.Equal(ApplicationState.Closed, closed.State);
            Assert.Equal(Outcome.Partial, closed.Outcome);
            Assert.Equal(new DateOnly(2024, 10, 14), closed.DecidedOn);
            Assert.Null(closed.Proposal);
            var mail = await db.Set<OutboxRow>().SingleAsync(r => r.Subject.StartsWith("答复已作出"));
            Assert.Contains("部分公开，第三方个人信息不予公开。", mail.Body, StringComparison.Ordinal);
            var audit = await db.Audit.Where(r => r.Target == a.TrackingNumber).OrderBy(r => r.AtUtcTicks).ThenBy(r => r.Id).Select(r => r.Action + "|" + r.Detail).ToListAsync();
            Assert.Collection(audit,
                x => Assert.StartsWith("case.Decide|完成：拟答复：部分公开", x, StringComparison.Ordinal),
                x => Assert.StartsWith("case.ApproveDecision|拒绝：答复审核须由公开办负责人办理", x, StringComparison.Ordinal),
                x => Assert.Contains("负责人审核同意clerk报送的答复意见：部分公开；办结：部分公开", x, StringComparison.Ordinal));
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Returned_WithANote_BackInProgress_NoteInTheHistory(string provider)
    {
        using var database = new TestDatabase(provider);
        var a = NewCase();
        using (var db = database.Open())
        {
            new CaseStore(db).Add(a);
            Assert.Equal(CaseActions.Status.Done, (await Run(db, a.Id, CaseAction.Decide, "clerk", head: false, Outcome.UnavailableNotHeld, "本机关未制作该信息。")).Status);
            Assert.Equal(CaseActions.Status.Refused, (await Run(db, a.Id, CaseAction.ReturnDecision, "head", head: true, text: "")).Status);
            Assert.Equal(CaseActions.Status.Done, (await Run(db, a.Id, CaseAction.ReturnDecision, "head", head: true, text: "请告知申请人可向市住建局申请")).Status);
        }

        using (var db = database.Open())
        {
            var back = new CaseStore(db).Get(a.Id)!;
            Assert.Equal(ApplicationState.InProgress, back.State);
            Assert.Null(back.Proposal);
            Assert.Equal(ApplicationEventKind.DecisionReturned, back.Events[^1].Kind);
            Assert.Contains("请告知申请人可向市住建局申请", back.Events[^1].Text, StringComparison.Ordinal);
            Assert.Equal("head", back.Events[^1].Actor);
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task AllOutcomesPolicy_GrantedWaitsToo(string provider)
    {
        using var database = new TestDatabase(provider);
        var a = NewCase();
        using var db = database.Open();
        new CaseStore(db).Add(a);

        Assert.Equal(CaseActions.Status.Done, (await Run(db, a.Id, CaseAction.Decide, "clerk", head: false, Outcome.Granted, "予以公开。", ApprovalPolicy.All)).Status);

        Assert.Equal(ApplicationState.AwaitingApproval, new CaseStore(db).Get(a.Id)!.State);
    }
}
