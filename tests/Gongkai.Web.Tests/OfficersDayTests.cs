using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Gongkai.Web.Tests;

/// <summary>
/// The officer's day (issue 12, item 7) through HTTP: the queue's search, sort and paging, bulk assignment within the
/// agency, the export of the filtered list (xlsx read back, CSV checked byte by byte), the 回执 printed at
/// registration, the case page's actions in process order, and pages without inline styles (the CSP forbids them).
/// </summary>
public sealed partial class OfficersDayTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static readonly string Marker = Guid.NewGuid().ToString("N")[..6];

    /// <summary>Registers an application received at the counter; returns the registration page, the case URL and the number.</summary>
    private static async Task<(string Html, string Url, string Tracking)> Register(StaffSession session, string name, string request)
    {
        var response = await session.Post("/staff/cases/new", "/staff/cases/new", new()
        {
            ["Form.Channel"] = "InPerson",
            ["ReceivedOn"] = StaffSession.Today,
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = name,
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "13800000000",
            ["Form.Request"] = request,
            ["Form.DeliveryForm"] = "纸质文本",
            ["Form.DeliveryChannel"] = "邮寄",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tracking = Regex.Match(html, "id=\"tracking\">([^<]+)<").Groups[1].Value;
        var url = Regex.Match(html, "href=\"(/staff/cases/[0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(tracking);
        Assert.NotEmpty(url);
        return (html, url, tracking);
    }

    private static string InDays(int days) =>
        DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<(Guid Id, string Tracking)> Rows(string queue) =>
        RowRegex().Matches(queue).Select(m => (Guid.Parse(m.Groups[1].Value), m.Groups[2].Value)).ToList();

    private static int Count(string queue) => int.Parse(Regex.Match(queue, "id=\"count\">(\\d+)<").Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task QueueSearch_ByNumberApplicantOrRequest_FindsTheCase_OthersNot()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, _, first) = await Register(clerk, "检索甲" + Marker, "关于" + Marker + "号地块征收补偿方案的文件");
        var (_, _, second) = await Register(clerk, "检索乙" + Marker, "某某路改造工程的立项批复");

        var byName = await clerk.Client.GetStringAsync("/staff?q=" + Uri.EscapeDataString("检索甲" + Marker));
        var byRequest = await clerk.Client.GetStringAsync("/staff?q=" + Uri.EscapeDataString(Marker + "号地块"));
        var byNumber = await clerk.Client.GetStringAsync("/staff?state=all&q=" + Uri.EscapeDataString(second.ToLowerInvariant()));
        var none = await clerk.Client.GetStringAsync("/staff?state=all&q=" + Uri.EscapeDataString("不存在的内容" + Marker));

        Assert.Equal([first], Rows(byName).Select(r => r.Tracking));
        Assert.Equal([first], Rows(byRequest).Select(r => r.Tracking));
        Assert.Equal([second], Rows(byNumber).Select(r => r.Tracking));
        Assert.Empty(Rows(none));
        Assert.Equal(0, Count(none));

        // The new columns: applicant and (the start of) the request.
        Assert.Contains("<td class=\"applicant\">检索甲" + Marker + "</td>", byName, StringComparison.Ordinal);
        Assert.Contains("号地块征收补偿方案的文件</td>", byName, StringComparison.Ordinal);
        Assert.Contains("value=\"检索甲" + Marker + "\"", byName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuePaging_PagesAreDisjoint_TogetherTheWholeSelection()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");

        var first = await clerk.Client.GetStringAsync("/staff?state=all&size=20");
        var total = Count(first);
        Assert.True(total > 40, $"the demo office should have more than 40 cases, has {total}");
        var pages = (total + 19) / 20;
        Assert.Contains($"第 1 / {pages} 页", first, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"prev\"", first, StringComparison.Ordinal);

        var seen = new List<Guid>();
        for (var p = 1; p <= pages; p++)
        {
            var page = await clerk.Client.GetStringAsync($"/staff?state=all&size=20&p={p}");
            var rows = Rows(page);
            Assert.Equal(p < pages ? 20 : total - (20 * (pages - 1)), rows.Count);
            seen.AddRange(rows.Select(r => r.Id));
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());

        // Past the last page: the last page, not an empty one.
        var beyond = await clerk.Client.GetStringAsync($"/staff?state=all&size=20&p={pages + 5}");
        Assert.Contains($"第 {pages} / {pages} 页", beyond, StringComparison.Ordinal);
        Assert.Contains("id=\"prev\"", beyond, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"next\"", beyond, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueSort_ByNumberUpAndDown_ByReceivedDate()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");

        var up = Rows(await clerk.Client.GetStringAsync("/staff?state=all&size=100&sort=number")).Select(r => r.Tracking).ToList();
        var down = Rows(await clerk.Client.GetStringAsync("/staff?state=all&size=100&sort=number&desc=true")).Select(r => r.Tracking).ToList();
        var received = await clerk.Client.GetStringAsync("/staff?state=all&size=100&sort=received");
        var dates = Regex.Matches(received, "</a></td>\\s*<td(?: class=\"nowrap\")?>(\\d{4}-\\d{2}-\\d{2})</td>").Select(m => m.Groups[1].Value).ToList();

        Assert.True(up.Count > 10);
        Assert.Equal(up.Order(StringComparer.Ordinal), up);
        Assert.Equal(down.OrderDescending(StringComparer.Ordinal), down);
        Assert.Equal(up.Count, dates.Count);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        // The heading of the sorted column links to the reverse order.
        Assert.Contains("aria-sort=\"ascending\"", await clerk.Client.GetStringAsync("/staff?sort=number"), StringComparison.Ordinal);
        Assert.Contains("href=\"/staff?sort=number&amp;desc=true\"", await clerk.Client.GetStringAsync("/staff?sort=number"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkAssign_SelectedCases_AssignedAndAuditedEach()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, _, a) = await Register(clerk, "指派甲" + Marker, "批量指派测试一");
        var (_, _, b) = await Register(clerk, "指派乙" + Marker, "批量指派测试二");
        var queue = await clerk.Client.GetStringAsync("/staff?q=" + Uri.EscapeDataString(Marker) + "&state=all");
        var ids = Rows(queue).Where(r => r.Tracking == a || r.Tracking == b).Select(r => r.Id).ToList();
        Assert.Equal(2, ids.Count);

        var response = await PostAssign(clerk, ids, "head", "?q=" + Uri.EscapeDataString(Marker));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff?q=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(["head", "head"], Officers(ids));
        using var head = await StaffSession.SignIn(factory, "head");
        foreach (var tracking in new[] { a, b })
        {
            var audit = await head.Client.GetStringAsync("/staff/audit?target=" + tracking);
            Assert.Contains("指派办理人员", audit, StringComparison.Ordinal);
            Assert.Contains("指派给 head", audit, StringComparison.Ordinal);
        }

        var mine = await clerk.Client.GetStringAsync("/staff?officer=head&q=" + Uri.EscapeDataString(Marker));
        Assert.Contains(a, mine, StringComparison.Ordinal);
        Assert.Contains(b, mine, StringComparison.Ordinal);
    }

    /// <summary>The queue's 承办人 filter offers the agency's officers, not its supervisor (who handles no case).</summary>
    [Fact]
    public async Task Queue_OfficerFilter_ListsOfficersNotTheSupervisor()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");

        var page = await clerk.Client.GetStringAsync("/staff");

        var filter = page[page.IndexOf("<select id=\"officer\"", StringComparison.Ordinal)..];
        filter = filter[..filter.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.Contains("value=\"head\"", filter, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"supervisor\"", filter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkAssign_AnotherAgencysCaseOrOfficer_RefusedWhole_NothingChanges()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, _, own) = await Register(clerk, "越权甲" + Marker, "越权指派测试");
        var ownId = Rows(await clerk.Client.GetStringAsync("/staff?state=all&q=" + own)).Single().Id;
        Guid foreignId;
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            foreignId = db.Applications.AsNoTracking().Where(x => x.AgencyCode == "DEMO-JYJ").OrderBy(x => x.TrackingNumber).Select(x => x.Id).First();
        }

        var before = Officers([ownId, foreignId]);

        var foreignCase = await PostAssign(clerk, [ownId, foreignId], "head");
        var foreignOfficer = await PostAssign(clerk, [ownId], "jyj.clerk");
        var nothing = await PostAssign(clerk, [], "head");

        Assert.Equal(HttpStatusCode.NotFound, foreignCase.StatusCode);
        Assert.Contains("所选申请中有本机关没有的申请，未作任何指派", await foreignCase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignOfficer.StatusCode);
        Assert.Contains("本机关没有这位工作人员", await foreignOfficer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Equal(before, Officers([ownId, foreignId]));
        using var head = await StaffSession.SignIn(factory, "head");
        Assert.DoesNotContain("指派给", await head.Client.GetStringAsync("/staff/audit?target=" + own), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Xlsx_ReadBack_IsTheFilteredList()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, _, tracking) = await Register(clerk, "导出甲" + Marker, "导出测试：某某街道办事处的年度预算");
        var filter = "state=all&q=" + Uri.EscapeDataString("导出甲" + Marker);

        var response = await clerk.Client.GetAsync("/staff?handler=Export&format=xlsx&" + filter);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        await using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        var row = Assert.Single(rows);
        Assert.Equal(tracking, row["受理编号"]);
        Assert.Equal("导出甲" + Marker, row["申请人"]);
        Assert.Equal("导出测试：某某街道办事处的年度预算", row["所需信息"]);
        Assert.Equal(StaffSession.Today, row["收到日期"]);
        Assert.Equal("办理中", row["状态"]);
        Assert.Equal("自然人", row["申请人类别"]);

        // Unfiltered: every case the queue counts, all pages.
        var all = await clerk.Client.GetStringAsync("/staff?state=all&size=20");
        await using var everything = new MemoryStream(await clerk.Client.GetByteArrayAsync("/staff?handler=Export&format=xlsx&state=all&size=20"));
        Assert.Equal(Count(all), everything.Query(useHeaderRow: true).Count());
    }

    [Fact]
    public async Task Export_Csv_Utf8WithBom_FormulaCellsNeutralised_Quoted()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, _, tracking) = await Register(clerk, "导出乙" + Marker, "=HYPERLINK(\"http://evil.example\",\"点击\"), 以及其他");

        var response = await clerk.Client.GetAsync("/staff?handler=Export&format=csv&state=all&q=" + Uri.EscapeDataString("导出乙" + Marker));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("受理编号,收到日期,申请人,申请人类别,所需信息,状态,承办人,答复期限,提示", lines[0]);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith(tracking + "," + StaffSession.Today + ",导出乙" + Marker + ",自然人,", line, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点击\"\"), 以及其他\",", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("张三", "张三")]
    public void CsvCell_FormulaPrefixAndQuoting(string value, string expected) =>
        Assert.Equal(expected, UseCases.Applications.QueueExport.Quote(value));

    [Fact]
    public async Task Receipt_AtRegistration_HasNumberDatesRequestAgencyAndHowToTrack()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (html, _, tracking) = await Register(clerk, "回执甲" + Marker, "本区2025年老旧小区改造的资金安排");

        var receipt = html[html.IndexOf("<article class=\"receipt", StringComparison.Ordinal)..];
        receipt = receipt[..(receipt.IndexOf("</article>", StringComparison.Ordinal) + 10)];
        var due = Regex.Match(html, "id=\"due\">([0-9-]+)<").Groups[1].Value;
        var code = Regex.Match(html, "id=\"code\">([A-Z0-9]+)<").Groups[1].Value;
        var today = DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Contains("政府信息公开申请回执", receipt, StringComparison.Ordinal);
        Assert.Contains($"id=\"receipt-number\">{tracking}<", receipt, StringComparison.Ordinal);
        Assert.Contains($"id=\"receipt-received\">{today.Year}年{today.Month}月{today.Day}日<", receipt, StringComparison.Ordinal);
        var dueDate = DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"id=\"receipt-due\">{dueDate.Year}年{dueDate.Month}月{dueDate.Day}日<", receipt, StringComparison.Ordinal);
        Assert.Contains("本区2025年老旧小区改造的资金安排", receipt, StringComparison.Ordinal);
        Assert.Contains("当面提交", receipt, StringComparison.Ordinal);
        Assert.Matches("id=\"receipt-agency\">[^<]+</td>", receipt);
        Assert.Contains($"/status?number={tracking}</span>", receipt, StringComparison.Ordinal);
        Assert.Contains($"id=\"receipt-code\">{code}<", receipt, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/print.js\"", html, StringComparison.Ordinal);

        // The code printed on the receipt opens the case's status.
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{tracking}/status");
        request.Headers.Add("X-Access-Code", code);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task CasePage_ActionsInProcessOrder_OnlyWhatTheStateAllows_SectionsClosed()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, url, _) = await Register(clerk, "流程甲" + Marker, "办理流程测试");

        var page = await clerk.Client.GetStringAsync(url);
        var order = new[] { "RequestCorrection", "StartConsultation", "IssueFeeNotice", "Extend", "SetLaterDeadline", "Decide" }
            .Select(a => page.IndexOf($"id=\"act-{a}\"", StringComparison.Ordinal)).ToList();

        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.DoesNotContain("act-RecordCorrection", page, StringComparison.Ordinal);
        Assert.DoesNotContain("act-RecordPayment", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\">答复<", page, StringComparison.Ordinal);

        // A clerk cannot approve an extension: its block says so and still closes (it once left its section open).
        Assert.Contains("请由公开办负责人登录后办理", page, StringComparison.Ordinal);
        foreach (var tag in new[] { "section", "details", "form", "div", "table" })
        {
            Assert.Equal(Regex.Matches(page, $"<{tag}[\\s>]").Count, Regex.Matches(page, $"</{tag}>").Count);
        }

        // Awaiting a correction: only the correction's two actions; the form refused re-opens folded-out.
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "RequestCorrection", new() { ["Until"] = InDays(15), ["Text"] = "请写明文号" })).StatusCode);
        var waiting = await clerk.Client.GetStringAsync(url);
        Assert.Equal(
            ["RecordCorrection", "CloseForMissedCorrection"],
            Regex.Matches(waiting, "id=\"act-(\\w+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("aria-current=\"step\">补正<", waiting, StringComparison.Ordinal);
        var refused = await clerk.Act(url, "RecordCorrection", new() { ["On"] = "2000-01-01" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("<details open=\"open\">\\s*<summary><h3 id=\"act-RecordCorrection\"", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StaffPages_NoInlineStyles_TheCspAllowsOnlyTheSiteStylesheet()
    {
        using var head = await StaffSession.SignIn(factory, "head");
        var (_, url, _) = await Register(head, "样式甲" + Marker, "样式测试");
        var lastYear = DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year - 1;

        foreach (var path in new[] { "/staff", $"/staff/reports/{lastYear}", "/staff/reviews", url, "/staff/cases/new" })
        {
            var response = await head.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("style-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.DoesNotMatch("\\sstyle=|<style|\\son[a-z]+=\"", html);
        }

        Assert.Contains("class=\"depth-1\"", await head.Client.GetStringAsync($"/staff/reports/{lastYear}"), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAssign(StaffSession session, IEnumerable<Guid> ids, string officer, string query = "")
    {
        var page = await session.Client.GetStringAsync("/staff");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", StaffSession.TokenRegex().Match(page).Groups[1].Value),
            new("assignTo", officer),
        };
        fields.AddRange(ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString())));
        var separator = query.Length == 0 ? "?" : query + "&";
        return await session.Client.PostAsync("/staff" + separator + "handler=Assign", new FormUrlEncodedContent(fields));
    }

    private List<string?> Officers(IReadOnlyList<Guid> ids)
    {
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        var found = db.Applications.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionary(a => a.Id, a => a.AssignedOfficer);
        return ids.Select(id => found[id]).ToList();
    }

    [GeneratedRegex("<a href=\"/staff/cases/([0-9a-f-]{36})\">([^<]+)</a>")]
    private static partial Regex RowRegex();
}
