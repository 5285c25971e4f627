using System.Net;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// 催报 sent three times at once (an attack on a running copy, 2 December: one 302 and two 500s from the outbox's unique
/// key, and the two attempts missing from the audit log). Its own host: the reminders it queues are today's.
/// </summary>
public sealed class SupervisionReminderRaceTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    [Fact]
    public async Task Send_ThreeAtOnce_OneMailEveryAttemptAnsweredAndAudited()
    {
        var url = $"/staff/supervise/reminders?year={LastYear}";
        var sessions = new List<StaffSession>();
        for (var i = 0; i < 3; i++)
        {
            var session = StaffSession.For(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
            Assert.Equal(HttpStatusCode.Redirect, (await session.Post("/staff/login", "/staff/login", new() { ["UserName"] = "supervisor", ["Password"] = GongkaiFactory.DemoPassword })).StatusCode);
            sessions.Add(session);
        }

        // The host is started (the database made and seeded) by the sign-ins above.
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            // Only 住建局 has an address: the agencies still waiting depend on the date (drafts, a report not started).
            db.AgencyGuides.Where(g => g.AgencyCode == "DEMO-ZJJ" || g.AgencyCode == "DEMO-HBJ").ExecuteDelete();
            db.AgencyGuides.ExecuteUpdate(s => s.SetProperty(g => g.Email, string.Empty));
            db.AgencyGuides.Add(new AgencyGuideRow { AgencyCode = "DEMO-ZJJ", Email = "zjj@example.gov.cn" });
            db.SaveChanges();
        }

        var responses = await Task.WhenAll(sessions.Select(s => s.Post(url, $"/staff/supervise/reminders?handler=Send&year={LastYear}", [])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        using var check = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        Assert.Equal(1, check.Set<Persistence.Outbox.OutboxRow>().Count(r => r.To == "zjj@example.gov.cn"));
        var audit = check.Audit.AsNoTracking().Where(a => a.Action == "催报邮件" && a.AgencyCode == "DEMO").ToList();
        Assert.Equal(3, audit.Count);
        Assert.Single(audit, a => a.Detail.Contains("排队 1 封（示例市住房和城乡建设局）", StringComparison.Ordinal));
        foreach (var s in sessions)
        {
            s.Dispose();
        }
    }
}
