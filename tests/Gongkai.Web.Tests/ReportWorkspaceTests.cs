using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The annual-report workspace through HTTP: generated tables with drill-down, draft editing, validation, publishing and corrections, the portal and the API.</summary>
public sealed partial class ReportWorkspaceTests : IDisposable
{
    private readonly GongkaiFactory _factory = new();

    private static readonly int LastYear = int.Parse(StaffSession.Today[..4], CultureInfo.InvariantCulture) - 1;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Workspace_TablesFromTheCases_CellsLinkToTheCasesTheyCount()
    {
        using var clerk = await StaffSession.SignIn(_factory, "clerk");
        await WithoutImportedDecisionCounts();

        var page = await clerk.Client.GetStringAsync($"/staff/reports/{LastYear}");
        var total = int.Parse(CellRegex("apps.new_received", "total").Match(page).Groups[1].Value, CultureInfo.InvariantCulture);
        var drill = await clerk.Client.GetStringAsync($"/staff/reports/{LastYear}/cases?row=apps.new_received&col=total");

        Assert.True(total > 0);
        Assert.Contains($"id=\"cell-count\">{total}<", drill, StringComparison.Ordinal);
        Assert.Equal(total, Regex.Matches(drill, "href=\"/staff/cases/").Count);
        Assert.Contains("id=\"errors\">0<", page, StringComparison.Ordinal);
        Assert.Contains("GK3003", page, StringComparison.Ordinal); // blank table 二 cells flagged beside their row
    }

    [Fact]
    public async Task Draft_TextInANumberCell_ErrorShownBesideIt_ThenFixed()
    {
        using var clerk = await StaffSession.SignIn(_factory, "clerk");
        var url = $"/staff/reports/{LastYear}";
        await WithoutImportedDecisionCounts();

        var saved = await Save(clerk, url, new() { [Licensing] = "三件", ["sec5"] = "问题与改进" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await clerk.Client.GetStringAsync(url);
        Assert.Matches("id=\"errors\">[1-9]", page);
        Assert.Contains("value=\"三件\" class=\"bad\"", page, StringComparison.Ordinal);

        using var head = await StaffSession.SignIn(_factory, "head");
        var refused = await head.Post(url, url + "?handler=Publish", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("改正后才能发布", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Save(clerk, url, new() { [Licensing] = "3", ["sec5"] = "问题与改进" });
        Assert.Contains("id=\"errors\">0<", await clerk.Client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_TwoOfficersSaveTheSameVersion_SecondIsAConflict()
    {
        using var clerk = await StaffSession.SignIn(_factory, "clerk");
        using var head = await StaffSession.SignIn(_factory, "head");
        var url = $"/staff/reports/{LastYear}";
        var version = DraftVersionRegex().Match(await clerk.Client.GetStringAsync(url)).Groups[1].Value;

        var first = await Save(head, url, new() { ["sec5"] = "负责人写的" }, version);
        var second = await Save(clerk, url, new() { ["sec5"] = "办理人员写的" }, version);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("您的修改没有保存", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("负责人写的", await clerk.Client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HeadOnly_LockedVersion_CorrectionIsANewVersionWithANote_PortalAndApi()
    {
        using var clerk = await StaffSession.SignIn(_factory, "clerk");
        using var head = await StaffSession.SignIn(_factory, "head");
        var url = $"/staff/reports/{LastYear}";
        await Save(clerk, url, new() { ["sec5"] = "第一版的问题" });

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.Post(url, url + "?handler=Publish", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(url, url + "?handler=Publish", [])).StatusCode);

        using var anonymous = _factory.CreateClient();
        var list = await anonymous.GetStringAsync("/reports");
        Assert.Contains($"/reports/DEMO/{LastYear}", list, StringComparison.Ordinal);
        var v1 = await anonymous.GetStringAsync($"/api/reports/DEMO/{LastYear}");
        Assert.Contains("第一版的问题", v1, StringComparison.Ordinal);

        // Publishing again without a change is refused; a correction needs a note.
        Assert.Contains("该年度报告已经发布", await (await head.Post(url, url + "?handler=Publish", [])).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("无需发布更正版本", await (await head.Post(url, url + "?handler=Publish", new() { ["changeNote"] = "无变化" })).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Save(clerk, url, new() { ["sec5"] = "更正后的问题" });
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(url, url + "?handler=Publish", new() { ["changeNote"] = "更正第五部分表述" })).StatusCode);

        var current = await anonymous.GetStringAsync($"/reports/DEMO/{LastYear}");
        Assert.Contains("更正后的问题", current, StringComparison.Ordinal);
        Assert.Contains("更正第五部分表述", current, StringComparison.Ordinal);
        Assert.Contains("id=\"version\">2<", current, StringComparison.Ordinal);
        var old = await anonymous.GetStringAsync($"/reports/DEMO/{LastYear}/v1");
        Assert.Contains("第一版的问题", old, StringComparison.Ordinal);
        Assert.Contains("已被更正", old, StringComparison.Ordinal);
        Assert.Equal(v1, await anonymous.GetStringAsync($"/api/reports/DEMO/{LastYear}?version=1"));

        using var apiList = JsonDocument.Parse(await anonymous.GetStringAsync("/api/reports"));
        var entry = apiList.RootElement.EnumerateArray().Single(e => e.GetProperty("agency").GetString() == "DEMO" && e.GetProperty("year").GetInt32() == LastYear);
        Assert.Equal(2, entry.GetProperty("version").GetInt32());
        using var versions = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/reports/DEMO/{LastYear}/versions"));
        Assert.Equal(2, versions.RootElement.GetArrayLength());

        var html = await anonymous.GetAsync($"/reports/DEMO/{LastYear}/v2.html");
        Assert.Contains("三、收到和处理政府信息公开申请情况", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var json = await anonymous.GetStringAsync($"/reports/DEMO/{LastYear}/v2.json");
        Assert.Contains("更正后的问题", json, StringComparison.Ordinal);
        var docx = await anonymous.GetAsync($"/reports/DEMO/{LastYear}/v2.docx");
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Contains("更正后的问题", document.MainDocumentPart!.Document.InnerText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/DEMO/{LastYear}/v9.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/reports/DEMO/{LastYear}/v99999999999")).StatusCode);

        // The 发布记录 names the publisher by display name, as the case page does.
        var workspace = await clerk.Client.GetStringAsync(url);
        var published = workspace[workspace.IndexOf("id=\"versions\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>公开办负责人（演示）</td>", published, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>head</td>", published, StringComparison.Ordinal);

        var audit = await head.Client.GetStringAsync("/staff/audit?target=report:" + LastYear);
        Assert.Contains("发布第 2 版：更正第五部分表述", audit, StringComparison.Ordinal);
        Assert.Contains("拒绝：发布须由公开办负责人或管理员办理", audit, StringComparison.Ordinal);
    }

    private const string Licensing = "proactive.art20_5.licensing.decisions";

    /// <summary>
    /// The demo imports DEMO's catalogue and yearly decision figures, so its whole table 二 is generated and read-only.
    /// Without last year's imported figures the 第（五）（六）（八）项 cells are the officers' to fill (and blank until they do).
    /// </summary>
    private async Task WithoutImportedDecisionCounts()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Equal(1, await db.Set<DecisionCountsRow>().Where(c => c.AgencyCode == "DEMO" && c.Year == LastYear).ExecuteDeleteAsync());
    }

    private static async Task<HttpResponseMessage> Save(StaffSession session, string url, Dictionary<string, string> fields, string? version = null)
    {
        var page = await session.Client.GetStringAsync(url);
        fields["draftVersion"] = version ?? DraftVersionRegex().Match(page).Groups[1].Value;
        foreach (var key in new[] { "sec1", "sec5", "sec6" })
        {
            if (!fields.ContainsKey(key))
            {
                fields[key] = System.Net.WebUtility.HtmlDecode(Regex.Match(page, $"<textarea id=\"{key}\" name=\"{key}\" rows=\"6\">([^<]*)</textarea>").Groups[1].Value);
            }
        }

        return await session.Post(url, url + "?handler=Save", fields);
    }

    private static Regex CellRegex(string row, string column) =>
        new($"<tr data-row=\"{Regex.Escape(row)}\">.*?data-col=\"{Regex.Escape(column)}\"><a [^>]*>(\\d+)</a>", RegexOptions.Singleline);

    [GeneratedRegex("name=\"draftVersion\" value=\"(\\d+)\"")]
    private static partial Regex DraftVersionRegex();
}
