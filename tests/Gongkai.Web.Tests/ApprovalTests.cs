using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Persistence;
using Gongkai.Persistence.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>答复审核 on the web: the clerk submits, the queue shows it, a clerk cannot approve, the head approves or returns; the applicant sees the reply only then.</summary>
public sealed class ApprovalTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static async Task<string> CaseUrl(StaffSession officer, string number)
    {
        var queue = await officer.Client.GetStringAsync("/staff?state=all");
        return Regex.Match(queue, "<a href=\"(/staff/cases/[0-9a-f-]{36})\">" + Regex.Escape(number) + "<").Groups[1].Value;
    }

    private static async Task<JsonElement> Status(HttpClient client, string number, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{number}/status");
        request.Headers.Add("X-Access-Code", code);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task UploadReply(StaffSession clerk, string caseUrl, string name)
    {
        var page = await clerk.Client.GetStringAsync(caseUrl);
        using var form = AttachmentFiles.Form(AttachmentFiles.Pdf("公开的信息"), name, "Upload");
        form.Add(new StringContent("Reply"), "Purpose");
        form.Add(new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken");
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Client.PostAsync(caseUrl + "/attachments", form)).StatusCode);
    }

    [Fact]
    public async Task Head_CannotApproveTheReplyTheySubmitted_RefusedInChinese_Audited_StillWaiting()
    {
        using var client = factory.CreateClient();
        var (number, _) = await ApiTests.Apply(client);
        using var head = await StaffSession.SignIn(factory, "head");
        var caseUrl = await CaseUrl(head, number);
        await UploadReply(head, caseUrl, "清单.pdf");
        Assert.Equal(HttpStatusCode.Redirect, (await head.Act(caseUrl, "Decide", new() { ["Outcome"] = "Partial", ["Text"] = "部分公开。" })).StatusCode);

        var own = await head.Act(caseUrl, "ApproveDecision", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("不能审核同意本人报送的答复意见", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("id=\"state\">待负责人审核<", await head.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Audit.AsNoTracking().Where(a => a.Target == number).ToListAsync();
        Assert.Contains(audit, a => a.Actor == "head" && a.Action == "case.ApproveDecision" && a.Detail.StartsWith("拒绝：不能审核同意本人报送", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partial_ClerkSubmits_QueueShowsIt_ClerkCannotApprove_HeadApproves_ApplicantSeesReplyOnlyThen()
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        var caseUrl = await CaseUrl(clerk, number);
        await UploadReply(clerk, caseUrl, "改造项目清单（删除个人信息）.pdf");

        var submitted = await clerk.Act(caseUrl, "Decide", new() { ["Outcome"] = "Partial", ["Text"] = "部分公开，涉及个人信息的部分不予公开。" });

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var clerkPage = await clerk.Client.GetStringAsync(caseUrl);
        Assert.Contains("id=\"state\">待负责人审核<", clerkPage, StringComparison.Ordinal);
        Assert.Contains("id=\"awaiting-head\"", clerkPage, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"ApproveDecision\"", clerkPage, StringComparison.Ordinal);
        var queue = await head.Client.GetStringAsync("/staff?state=AwaitingApproval");
        Assert.Contains(">" + number + "<", queue, StringComparison.Ordinal);
        Assert.Contains("id=\"approvals-waiting\"", await head.Client.GetStringAsync("/staff"), StringComparison.Ordinal);
        var before = await Status(client, number, code);
        Assert.Equal("待负责人审核", before.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("outcome").ValueKind);
        Assert.DoesNotContain(before.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("name").GetString()!.StartsWith("改造项目清单", StringComparison.Ordinal));
        Assert.DoesNotContain("部分公开", before.GetProperty("timeline").ToString(), StringComparison.Ordinal);

        var byClerk = await clerk.Act(caseUrl, "ApproveDecision", []);
        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Contains("办理人员不能审核", await byClerk.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var headPage = await head.Client.GetStringAsync(caseUrl);
        Assert.Contains("id=\"proposed-reply\"", headPage, StringComparison.Ordinal);
        Assert.Contains("部分公开，涉及个人信息的部分不予公开。", headPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await head.Act(caseUrl, "ApproveDecision", [])).StatusCode);

        var after = await Status(client, number, code);
        Assert.Equal("已办结", after.GetProperty("state").GetString());
        Assert.Equal("部分公开", after.GetProperty("outcome").GetString());
        Assert.Equal(StaffSession.Today, after.GetProperty("decidedOn").GetString());
        Assert.Contains(after.GetProperty("attachments").EnumerateArray(), a => a.GetProperty("name").GetString() == "改造项目清单（删除个人信息）.pdf");
        var audit = await head.Client.GetStringAsync(caseUrl);
        Assert.Contains("审核同意答复", audit, StringComparison.Ordinal);
        Assert.Contains("拒绝：答复审核须由公开办负责人办理", audit, StringComparison.Ordinal);
        var reply = await head.Client.GetStringAsync(caseUrl + "/notices/reply");
        Assert.Contains("附件：1. 改造项目清单（删除个人信息）.pdf", reply, StringComparison.Ordinal);
        Assert.Contains("六十日内", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_ReturnsWithANote_ClerkSeesIt_CaseInProgressAgain()
    {
        using var client = factory.CreateClient();
        var (number, _) = await ApiTests.Apply(client);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        var caseUrl = await CaseUrl(clerk, number);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "Decide", new() { ["Outcome"] = "UnavailableNotHeld", ["Text"] = "本机关不掌握该信息。" })).StatusCode);

        var noNote = await head.Act(caseUrl, "ReturnDecision", new() { ["Text"] = "" });
        var returned = await head.Act(caseUrl, "ReturnDecision", new() { ["Text"] = "请写明掌握该信息的机关" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var page = await clerk.Client.GetStringAsync(caseUrl);
        Assert.Contains("id=\"state\">办理中<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"returned\"", page, StringComparison.Ordinal);
        Assert.Contains("请写明掌握该信息的机关", page, StringComparison.Ordinal);
        Assert.Contains("aria-labelledby=\"act-Decide\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllOutcomesSetting_GrantedWaitsForTheHeadToo()
    {
        using var host = factory.WithWebHostBuilder(b => b.UseSetting("Gongkai:Approval:Outcomes", "All"));
        using var client = host.CreateClient();
        var (number, _) = await ApiTests.Apply(client);
        using var clerk = StaffSession.For(host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Post("/staff/login", "/staff/login", new() { ["UserName"] = "clerk", ["Password"] = GongkaiFactory.DemoPassword })).StatusCode);
        var caseUrl = await CaseUrl(clerk, number);

        Assert.Contains("全部答复须经公开办负责人审核", await clerk.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开。" })).StatusCode);

        Assert.Contains("id=\"state\">待负责人审核<", await clerk.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
    }
}
