using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Applications;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// People are named by their display names, as on the case page: the queue's bulk assignment listed 办理人员（演示）（clerk）
/// to everyone and confirmed 已将 1 件申请指派给 clerk; a catalogue item's review steps (drafter, reviewers, approver)
/// and its 操作记录 showed login names. The agency's administrator, who manages the accounts, still sees the login
/// name beside each name of the assignment list.
/// </summary>
public sealed partial class DisplayNameTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Queue_BulkAssignment_ListsAndConfirmsDisplayNames_LoginNameOnlyForTheAdministrator()
    {
        using var head = await StaffSession.SignIn(factory, "head");
        using var admin = await StaffSession.SignIn(factory, "admin");
        var open = await OpenCaseAsync();

        var bulk = Bulk(await head.Client.GetStringAsync("/staff"));
        Assert.Contains("<option value=\"clerk\">办理人员（演示）</option>", bulk, StringComparison.Ordinal);
        Assert.Contains("<option value=\"head\">公开办负责人（演示）</option>", bulk, StringComparison.Ordinal);
        Assert.DoesNotContain("（clerk）", bulk, StringComparison.Ordinal);
        Assert.Contains("<option value=\"clerk\">办理人员（演示）（clerk）</option>", Bulk(await admin.Client.GetStringAsync("/staff")), StringComparison.Ordinal);

        var assigned = await head.Post("/staff", "/staff?handler=Assign", new() { ["ids"] = open.ToString(), ["assignTo"] = "clerk" });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var queue = await head.Client.GetStringAsync(assigned.Headers.Location!.OriginalString);
        Assert.Contains("已将 1 件申请指派给 办理人员（演示）。", queue, StringComparison.Ordinal);

        var caseUrl = $"/staff/cases/{open}";
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(caseUrl, caseUrl + "?handler=Assign", new() { ["officer"] = "head" })).StatusCode);
        Assert.Contains("id=\"message\">已指派给 公开办负责人（演示）。<", await head.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_ReviewStepsAndTrail_NameDrafterReviewerAndApproverByDisplayName()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        using var admin = await StaffSession.SignIn(factory, "admin");
        var url = await clerk.DraftDocument("关于公布示例市停车收费标准的通知");
        Assert.Equal(HttpStatusCode.Redirect, (await Act(clerk, url, "Submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, url, "ConfirmAttribute")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, url, "ClearSecrecy")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(admin, url, "Approve")).StatusCode);

        var page = await head.Client.GetStringAsync(url);
        var steps = page[page.IndexOf("id=\"steps\"", StringComparison.Ordinal)..page.IndexOf("</table>", page.IndexOf("id=\"steps\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var trail = page[page.IndexOf("id=\"trail\"", StringComparison.Ordinal)..page.IndexOf("</ul>", page.IndexOf("id=\"trail\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        Assert.Contains("<td>办理人员（演示）</td>", steps, StringComparison.Ordinal);
        Assert.Contains("<td>公开办负责人（演示）</td>", steps, StringComparison.Ordinal);
        Assert.Contains("<td>管理员（演示）</td>", steps, StringComparison.Ordinal);
        Assert.DoesNotMatch("<td>(clerk|head|admin)</td>", steps);
        Assert.Contains(" 办理人员（演示） ", trail, StringComparison.Ordinal);
        Assert.Contains(" 管理员（演示） ", trail, StringComparison.Ordinal);
        Assert.DoesNotMatch(" (clerk|head|admin) ", trail);
    }

    /// <summary>
    /// The audit log keeps the login name (an entry names the account) and shows the display name with it; an actor that
    /// is no account of the agency (系统, an account since removed) by its name alone. The filter takes a login name, a display name, or the two as shown.
    /// </summary>
    [Fact]
    public async Task AuditLog_NamesAccountsByDisplayNameWithLoginName_FilterByLoginOrDisplayName()
    {
        (await StaffSession.SignIn(factory, "clerk")).Dispose();
        using var head = await StaffSession.SignIn(factory, "head");
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            db.Audit.Add(new AuditRow { Actor = "系统", AgencyCode = "DEMO", Action = "attachments.purge", Target = "DEMO-GONE", Detail = "附件保存期限届满" });
            db.Audit.Add(new AuditRow { Actor = "gone.clerk", AgencyCode = "DEMO", Action = "sign_out", Target = "gone.clerk", Detail = "退出登录" });
            await db.SaveChangesAsync();
        }

        var all = await head.Client.GetStringAsync("/staff/audit");
        Assert.Contains("<td>办理人员（演示）（clerk）</td>", all, StringComparison.Ordinal);
        Assert.Contains("<td>公开办负责人（演示）（head）</td>", all, StringComparison.Ordinal);
        Assert.Contains("<td>系统</td>", all, StringComparison.Ordinal);
        Assert.Contains("<td>gone.clerk</td>", all, StringComparison.Ordinal);
        Assert.DoesNotMatch("<tr><td>[^<]*</td><td>(clerk|head)</td>", all);

        var clerks = await head.Client.GetStringAsync("/staff/audit?actor=clerk");
        Assert.Contains("<td>办理人员（演示）（clerk）</td>", clerks, StringComparison.Ordinal);
        Assert.DoesNotContain("（head）</td>", clerks, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>系统</td>", clerks, StringComparison.Ordinal);

        // The filter also takes what the page shows: the display name, or the display name with the login name.
        foreach (var typed in new[] { "办理人员（演示）", "办理人员（演示）（clerk）" })
        {
            var byName = await head.Client.GetStringAsync("/staff/audit?actor=" + Uri.EscapeDataString(typed));
            Assert.Contains("<td>办理人员（演示）（clerk）</td>", byName, StringComparison.Ordinal);
            Assert.DoesNotContain("（head）</td>", byName, StringComparison.Ordinal);
        }

        // A name that is no account is looked for as it is: 系统's entries.
        var system = await head.Client.GetStringAsync("/staff/audit?actor=" + Uri.EscapeDataString("系统"));
        Assert.Contains("<td>系统</td>", system, StringComparison.Ordinal);
        Assert.DoesNotContain("（clerk）</td>", system, StringComparison.Ordinal);
    }

    private static string Bulk(string queue) =>
        queue[queue.IndexOf("id=\"bulk\"", StringComparison.Ordinal)..queue.IndexOf("id=\"queue\"", StringComparison.Ordinal)];

    private async Task<Guid> OpenCaseAsync()
    {
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        return await db.Applications.AsNoTracking().Where(a => a.AgencyCode == "DEMO" && a.State != (int)ApplicationState.Closed)
            .OrderBy(a => a.TrackingNumber).Select(a => a.Id).FirstAsync();
    }

    private static async Task<HttpResponseMessage> Act(StaffSession s, string url, string action)
    {
        var page = await s.Client.GetStringAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["version"] = VersionRegex().Match(page).Groups[1].Value,
            ["action"] = action,
            ["note"] = string.Empty,
        };
        return await s.Client.PostAsync(url + "?handler=Act", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("<span id=\"version\">(\\d+)</span>")]
    private static partial Regex VersionRegex();
}
