using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 15: no-store on what is behind sign-in, a discreet public timeline, an honest error status.</summary>
public sealed class DisclosureDetailTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task PublicTimeline_Consultation_NamesNeitherThePartyNorItsAnswer()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        using var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = receipt.RootElement.GetProperty("trackingNumber").GetString()!;
        var code = receipt.RootElement.GetProperty("accessCode").GetString()!;
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var url = "/staff/cases/" + await IdOf(number);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "StartConsultation", new() { ["Text"] = "某某建材有限公司" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "EndConsultation", new() { ["Text"] = "该公司不同意公开" })).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{number}/status");
        request.Headers.Add("X-Access-Code", code);
        var status = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("征求第三方意见", status, StringComparison.Ordinal);
        Assert.DoesNotContain("建材", status, StringComparison.Ordinal);
        Assert.DoesNotContain("不同意", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoticeDocxAndReportPreview_NoStore_AuditedOnce()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, tracking) = await clerk.RegisterCase();
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "同意公开" })).StatusCode);

        var docx = await clerk.Client.GetAsync(url + "/notices/reply?format=docx");
        var preview = await clerk.Client.GetAsync($"/staff/reports?year={TimeProvider.System.GetUtcNow().Year - 1}&format=preview");
        var draft = await clerk.Client.GetAsync($"/api/reports/DEMO/{TimeProvider.System.GetUtcNow().Year - 1}/draft");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.True(docx.Headers.CacheControl!.NoStore);
        Assert.True(preview.Headers.CacheControl!.NoStore, preview.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.True(draft.Headers.CacheControl!.NoStore);
        using var scope = factory.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Audit.AsNoTracking()
            .Where(a => a.Target == tracking && a.Action == "notice.Reply").CountAsync();
        Assert.Equal(1, entries);
    }

    [Fact]
    public async Task ErrorPage_AskedForDirectly_AnswersItsStatus()
    {
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/error/500")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/error/404")).StatusCode);
    }

    private async Task<Guid> IdOf(string trackingNumber)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Applications.Where(a => a.TrackingNumber == trackingNumber).Select(a => a.Id).SingleAsync();
    }
}
