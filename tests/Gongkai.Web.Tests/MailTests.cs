using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Persistence;
using Gongkai.Persistence.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>E-mail notifications through a real SMTP listener on loopback.</summary>
public sealed class MailTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static object FormWithEmail(string email) => new
    {
        agency = "DEMO",
        category = "NaturalPerson",
        name = "王五",
        idProof = "110101199001011237",
        contact = "13800000000",
        email,
        request = "2025年本区道路维修项目清单",
        deliveryForm = "电子文档",
        deliveryChannel = "电子邮件",
        channel = "Online",
    };

    private static WebApplicationFactory<Program> WithSmtp(GongkaiFactory factory, int port, string host = "127.0.0.1") =>
        factory.WithWebHostBuilder(b => b
            .UseSetting("Gongkai:Smtp:Host", host)
            .UseSetting("Gongkai:Smtp:Port", port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Gongkai:Smtp:From", "gongkai@example.gov.cn")
            .UseSetting("Gongkai:Smtp:PollSeconds", "0.2"));

    /// <summary>
    /// A newcomer's tour (2 December): with no mail server, a clerk's 邮件通知 page (and the supervisor's 催报名单) named the
    /// setting to change, Gongkai:Smtp:Host, which only the installation's administrator can set. Officers now read a
    /// plain sentence and whom to ask; the administrator is told the settings (on 机关管理 and the outbox).
    /// </summary>
    [Fact]
    public async Task NoMailServer_OfficersReadWhomToAsk_OnlyTheInstallationAdministratorSeesTheSetting()
    {
        foreach (var (user, url) in new[] { ("clerk", "/staff/outbox"), ("head", "/staff/outbox"), ("supervisor", "/staff/outbox"), ("supervisor", "/staff/supervise/reminders") })
        {
            using var officer = await StaffSession.SignIn(factory, user);
            var page = await officer.Client.GetStringAsync(url);
            Assert.Contains("id=\"smtp-off\"", page, StringComparison.Ordinal);
            Assert.Contains("本平台未配置邮件服务器", page, StringComparison.Ordinal);
            Assert.Contains("请联系系统管理员", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Smtp:", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Smtp__", page, StringComparison.Ordinal);
        }

        using var sysadmin = await StaffSession.SignIn(factory, "sysadmin");
        foreach (var url in new[] { "/staff/agencies", "/staff/outbox" })
        {
            var page = await sysadmin.Client.GetStringAsync(url);
            Assert.Contains("id=\"smtp-off\"", page, StringComparison.Ordinal);
            Assert.Contains("Gongkai:Smtp:Host", page, StringComparison.Ordinal);
            Assert.DoesNotContain("请联系系统管理员", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Apply_WithEmail_AcknowledgmentNamingTheNumberArrivesWithinSeconds()
    {
        await using var smtp = new LoopbackSmtpServer();
        using var host = WithSmtp(factory, smtp.Port);
        using var client = host.CreateClient();

        var created = await client.PostAsJsonAsync("/api/applications", FormWithEmail("wangwu@example.com"));
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = receipt.RootElement.GetProperty("trackingNumber").GetString()!;
        var due = receipt.RootElement.GetProperty("due").GetString()!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.Contains(number, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("wangwu@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("gongkai@example.gov.cn", mail.From.Mailboxes.Single().Address);
        Assert.Contains("受理编号：" + number, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("答复期限：" + due, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt.RootElement.GetProperty("accessCode").GetString()!, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectionNotice_EmailedWithTheNoticeText()
    {
        await using var smtp = new LoopbackSmtpServer();
        using var host = WithSmtp(factory, smtp.Port);
        using var client = host.CreateClient();
        var created = await client.PostAsJsonAsync("/api/applications", FormWithEmail("zhao@example.com"));
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = receipt.RootElement.GetProperty("trackingNumber").GetString()!;
        using var clerk = await SignIn(host);
        var queue = await clerk.Client.GetStringAsync("/staff?state=all&q=" + number);
        var url = Regex.Match(queue, "<a href=\"(/staff/cases/[0-9a-f-]{36})\">" + Regex.Escape(number) + "<").Groups[1].Value;
        var until = DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(15);

        var acted = await clerk.Act(url, "RequestCorrection", new() { ["Until"] = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Text"] = "请写明道路名称" });

        Assert.Equal(HttpStatusCode.Redirect, acted.StatusCode);
        var mail = await smtp.WaitFor(m => m.Subject != null && m.Subject.StartsWith("补正告知", StringComparison.Ordinal) && m.Subject.Contains(number, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("请写明道路名称", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("政府信息公开申请补正告知书", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerDown_FailureRecordedForRetry_VisibleToOfficers()
    {
        int port;
        await using (var closed = new LoopbackSmtpServer())
        {
            port = closed.Port;
        }

        using var host = WithSmtp(factory, port);
        using var client = host.CreateClient();
        var created = await client.PostAsJsonAsync("/api/applications", FormWithEmail("down@example.com"));
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = receipt.RootElement.GetProperty("trackingNumber").GetString()!;

        OutboxRow? row = null;
        for (var i = 0; i < 100 && row?.LastError is null; i++)
        {
            await Task.Delay(100);
            using var scope = host.Services.CreateScope();
            row = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxRow>().AsNoTracking().SingleOrDefaultAsync(r => r.TrackingNumber == number);
        }

        Assert.NotNull(row);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAtUtcTicks);
        Assert.True(row.NextAttemptAtUtcTicks > TimeProvider.System.GetUtcNow().UtcTicks, "retried later, not at once");
        using var clerk = await SignIn(host);
        var page = await clerk.Client.GetStringAsync("/staff/outbox");
        Assert.Contains(number, page, StringComparison.Ordinal);
        Assert.Contains("无法连接邮件服务器", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSmtpHost_NothingSent_PagesSaySo()
    {
        using var client = factory.CreateClient();
        var form = await client.GetStringAsync("/apply");
        var applied = await client.PostAsync("/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(form).Groups[1].Value,
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = "赵六",
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "13800000000",
            ["Form.Email"] = "zhao@example.com",
            ["Form.Request"] = "本镇2025年低保审核标准",
            ["Form.DeliveryForm"] = "电子文档",
            ["Form.DeliveryChannel"] = "电子邮件",
            ["Form.Agency"] = "DEMO",
        }));

        Assert.Contains("未配置邮件服务器，不会发送电子邮件通知", await applied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        Assert.Contains("id=\"smtp-off\"", await clerk.Client.GetStringAsync("/staff/outbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_TwoSendersSameRow_OnlyOneWins_ExpiredLeaseReclaimed()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var outbox = new UseCases.Notifications.Outbox(db, TimeProvider.System);
        var key = "test:" + Guid.NewGuid();
        Assert.True(await outbox.EnqueueAsync(new(key, "TEST-AGENCY", null, "a@example.com", "s", "b")));
        Assert.False(await outbox.EnqueueAsync(new(key, "TEST-AGENCY", null, "a@example.com", "s", "b")));

        var first = await outbox.ClaimAsync("A", 1000, TimeSpan.FromMinutes(5));
        var second = await outbox.ClaimAsync("B", 1000, TimeSpan.FromMinutes(5));
        var expired = await outbox.ClaimAsync("C", 1000, TimeSpan.FromMinutes(-10));

        Assert.Contains(first, r => r.DedupKey == key);
        Assert.DoesNotContain(second, r => r.DedupKey == key);
        Assert.DoesNotContain(expired, r => r.DedupKey == key);
    }

    private static async Task<StaffSession> SignIn(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var session = StaffSession.For(client);
        var response = await session.Post("/staff/login", "/staff/login", new() { ["UserName"] = "clerk", ["Password"] = GongkaiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}
