using System.Globalization;
using System.Net;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>催报 by e-mail from the reminders page: queued through the outbox, sent over a real SMTP listener on loopback, audited.</summary>
public sealed class SupervisionReminderTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    private GongkaiDbContext Db() => Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));

    private static async Task<StaffSession> SignIn(WebApplicationFactory<Program> host)
    {
        var session = StaffSession.For(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var response = await session.Post("/staff/login", "/staff/login", new() { ["UserName"] = "supervisor", ["Password"] = GongkaiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    [Fact]
    public async Task Send_AgencyWithGuideEmail_MailArrivesAuditedNotTwiceADay()
    {
        await using var smtp = new LoopbackSmtpServer();
        using var host = factory.WithWebHostBuilder(b => b
            .UseSetting("Gongkai:Smtp:Host", "127.0.0.1")
            .UseSetting("Gongkai:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Gongkai:Smtp:From", "gongkai@example.gov.cn")
            .UseSetting("Gongkai:Smtp:PollSeconds", "0.2"));
        using var session = await SignIn(host);
        using (var db = Db())
        {
            // 示例市住房和城乡建设局 has nothing for last year; 生态环境局 only a draft and no e-mail in its guide.
            // Only 住建局 has an address: the agencies still waiting depend on the date (drafts, a report not started).
            db.AgencyGuides.Where(g => g.AgencyCode == "DEMO-ZJJ" || g.AgencyCode == "DEMO-HBJ").ExecuteDelete();
            db.AgencyGuides.ExecuteUpdate(s => s.SetProperty(g => g.Email, string.Empty));
            db.AgencyGuides.Add(new AgencyGuideRow { AgencyCode = "DEMO-ZJJ", Email = "zjj@example.gov.cn" });
            db.SaveChanges();
        }

        var url = $"/staff/supervise/reminders?year={LastYear}";
        var page = await session.Client.GetStringAsync(url);

        var first = await session.Post(url, $"/staff/supervise/reminders?handler=Send&year={LastYear}", []);
        var mail = await smtp.WaitFor(m => m.Subject == $"请尽快公布{LastYear}年度政府信息公开工作年度报告", TimeSpan.FromSeconds(10));
        var second = await session.Post(url, $"/staff/supervise/reminders?handler=Send&year={LastYear}", []);
        var after = await session.Client.GetStringAsync(url);

        Assert.DoesNotContain("id=\"smtp-off\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"send-reminders\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("zjj@example.gov.cn", mail.To.Mailboxes.Single().Address);
        Assert.Contains("第四十九条", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("示例市住房和城乡建设局", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("今日已催报，未重复发送", after, StringComparison.Ordinal);
        using var check = Db();
        Assert.Equal(1, check.Set<Persistence.Outbox.OutboxRow>().Count(r => r.To == "zjj@example.gov.cn"));
        var audit = check.Audit.AsNoTracking().Where(a => a.Action == "催报邮件" && a.AgencyCode == "DEMO").OrderBy(a => a.Id).ToList();
        Assert.Equal(2, audit.Count);
        Assert.Equal("supervisor", audit[0].Actor);
        Assert.Contains("排队 1 封（示例市住房和城乡建设局）", audit[0].Detail, StringComparison.Ordinal);
        Assert.Contains("示例市生态环境局", audit[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_NoSmtpHost_SaysMailOnlyQueued()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var page = await session.Client.GetStringAsync($"/staff/supervise/reminders?year={LastYear}");

        Assert.Contains("id=\"smtp-off\"", page, StringComparison.Ordinal);
        Assert.Contains("未配置邮件服务器", page, StringComparison.Ordinal);
    }
}
