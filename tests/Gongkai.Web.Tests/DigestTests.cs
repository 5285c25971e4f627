using System.Globalization;
using System.Net;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The officers' daily digest, sent by the background service through the outbox to a real SMTP listener on loopback.</summary>
public sealed class DigestTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Officer_WithAnEmail_GetsTheDigestOfOverdueCases_OncePerDay()
    {
        await using var smtp = new LoopbackSmtpServer();
        using var host = factory.WithWebHostBuilder(b => b
            .UseSetting("Gongkai:Smtp:Host", "127.0.0.1")
            .UseSetting("Gongkai:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Gongkai:Smtp:From", "gongkai@example.gov.cn")
            .UseSetting("Gongkai:Smtp:PollSeconds", "0.2")
            .UseSetting("Gongkai:Digest:Hour", "0")
            .UseSetting("Gongkai:Digest:CheckSeconds", "0.2"));
        var today = DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var overdue = DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", "GK-DIGEST-1", new Applicant(ApplicantCategory.NaturalPerson, "张三", "110101199001011237", "13800000000"),
                "2025年本区道路维修项目清单", "电子文档", ReceiptChannel.Online, today.AddDays(-60), TimeProvider.System.GetUtcNow().AddDays(-60), "申请人");
            new CaseStore(db).Add(overdue, assignedOfficer: "clerk");
        }

        using var clerk = StaffSession.For(host.CreateClient(new() { AllowAutoRedirect = false }));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Post("/staff/login", "/staff/login", new() { ["UserName"] = "clerk", ["Password"] = GongkaiFactory.DemoPassword })).StatusCode);
        var saved = await clerk.Post("/staff/email", "/staff/email", new() { ["Email"] = "clerk@example.gov.cn" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var mail = await smtp.WaitFor(m => m.To.Mailboxes.Any(x => x.Address == "clerk@example.gov.cn"), TimeSpan.FromSeconds(15));

        Assert.Equal($"每日待办提醒（{StaffSession.Today}）", mail.Subject);
        Assert.Contains("GK-DIGEST-1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("已逾期", mail.TextBody, StringComparison.Ordinal);
        await Task.Delay(1500); // several more passes of the service
        using var check = host.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxRow>().AsNoTracking()
            .Where(r => r.To == "clerk@example.gov.cn").ToListAsync();
        Assert.Equal(["digest:DEMO:clerk:" + StaffSession.Today], rows.Select(r => r.DedupKey));
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(x => x.Address == "clerk@example.gov.cn"));
    }

    [Fact]
    public async Task EmailPage_RefusesABadAddress_SavesAGoodOne_Audited()
    {
        using var head = await StaffSession.SignIn(factory, "head");

        var bad = await head.Post("/staff/email", "/staff/email", new() { ["Email"] = "not an address" });
        var good = await head.Post("/staff/email", "/staff/email", new() { ["Email"] = "head@example.gov.cn" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("电子邮箱地址格式不正确", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await good.Content.ReadAsStringAsync();
        Assert.Contains("value=\"head@example.gov.cn\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"digest-off\"", page, StringComparison.Ordinal);
        Assert.Contains("设置提醒邮箱", await head.Client.GetStringAsync("/staff/audit"), StringComparison.Ordinal);
    }
}
