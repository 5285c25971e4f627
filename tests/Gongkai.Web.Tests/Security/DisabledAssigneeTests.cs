using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Applications;
using Gongkai.Persistence;
using Gongkai.UseCases.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// A disabled account is no assignee: the case page and the queue's bulk assignment offered every account of the
/// agency, disabled ones too, and a case was assigned to an officer who could no longer sign in to handle it. Now the
/// pickers leave disabled accounts out, an assignment naming one is refused (422, in Chinese, nothing changed), and a
/// case still assigned to one names its officer with （已停用）.
/// </summary>
public sealed class DisabledAssigneeTests
{
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task DisabledAccount_NotOffered_AssignmentRefused_CurrentOneNamedDisabled(string provider)
    {
        var (factory, postgres) = DatabasesAttribute.Factory(provider);
        using var database = postgres;
        using var _ = factory;
        using var head = await StaffSession.SignIn(factory, "head");
        using var admin = await StaffSession.SignIn(factory, "admin");
        var (first, second) = await TwoOpenCasesAsync(factory);
        var firstUrl = $"/staff/cases/{first}";
        var secondUrl = $"/staff/cases/{second}";

        // Before: the clerk is offered and takes the first case; the head has the second.
        Assert.Contains("<option value=\"clerk\"", await head.Client.GetStringAsync(firstUrl), StringComparison.Ordinal);
        await ClerkTakesFirstHeadSecondThenClerkDisabled(head, admin, firstUrl, secondUrl);

        var casePage = await head.Client.GetStringAsync(firstUrl);
        var queue = await head.Client.GetStringAsync("/staff?state=all");
        var bulk = queue[queue.IndexOf("id=\"bulk\"", StringComparison.Ordinal)..queue.IndexOf("id=\"queue\"", StringComparison.Ordinal)];
        var rows = queue[queue.IndexOf("id=\"queue\"", StringComparison.Ordinal)..];
        var otherCase = await head.Client.GetStringAsync(secondUrl);
        Assert.DoesNotContain("<option value=\"clerk\"", otherCase, StringComparison.Ordinal);
        Assert.Contains("<option value=\"head\"", otherCase, StringComparison.Ordinal);
        Assert.Contains("id=\"officer\">办理人员（演示）（已停用）<", casePage, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"clerk\"", bulk, StringComparison.Ordinal);
        Assert.Contains("<option value=\"head\"", bulk, StringComparison.Ordinal);
        Assert.Contains("<td>办理人员（演示）（已停用）</td>", rows, StringComparison.Ordinal);
        Assert.Contains("id=\"officer\">办理人员（演示）（clerk）（已停用）<", await admin.Client.GetStringAsync(firstUrl), StringComparison.Ordinal);

        // A post naming the disabled account is refused on the case page and in the queue; nothing changes.
        var before = await OfficersAsync(factory, first, second);
        Assert.Equal("clerk", before.First);
        var one = await head.Post(secondUrl, secondUrl + "?handler=Assign", new() { ["officer"] = "clerk" });
        var many = await head.Post("/staff", "/staff?handler=Assign", new() { ["ids"] = second.ToString(), ["assignTo"] = "clerk" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, one.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many.StatusCode);
        Assert.Contains("办理人员（演示）的账户已停用，不能指派", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("办理人员（演示）的账户已停用，不能指派", await many.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await OfficersAsync(factory, first, second));

        // Enabled again, the account is an assignee again.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Enable", new() { ["userName"] = "clerk" })).StatusCode);
        Assert.Contains("<option value=\"clerk\"", await head.Client.GetStringAsync(secondUrl), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(secondUrl, secondUrl + "?handler=Assign", new() { ["officer"] = "clerk" })).StatusCode);
        Assert.Equal(("clerk", "clerk"), await OfficersAsync(factory, first, second));
    }

    /// <summary>
    /// The picker of a case whose 承办人 was disabled started at （未指派）, so 指派 pressed without looking unassigned the
    /// case. It starts at the current officer now, named （已停用）, and that post keeps it: no change, no audit entry, no
    /// refusal. Only that case lists the account; choosing another officer still reassigns it.
    /// </summary>
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task DisabledAssignee_PickerStartsAtIt_AssignPressedUnchangedKeepsIt(string provider)
    {
        var (factory, postgres) = DatabasesAttribute.Factory(provider);
        using var database = postgres;
        using var _ = factory;
        using var head = await StaffSession.SignIn(factory, "head");
        using var admin = await StaffSession.SignIn(factory, "admin");
        var (first, second) = await TwoOpenCasesAsync(factory);
        var firstUrl = $"/staff/cases/{first}";
        var secondUrl = $"/staff/cases/{second}";
        await ClerkTakesFirstHeadSecondThenClerkDisabled(head, admin, firstUrl, secondUrl);

        var picker = Picker(await head.Client.GetStringAsync(firstUrl));
        Assert.Contains("<option value=\"clerk\" selected=\"selected\">办理人员（演示）（已停用）</option>", picker, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(picker, "selected="));
        Assert.DoesNotContain("<option value=\"clerk\"", Picker(await head.Client.GetStringAsync(secondUrl)), StringComparison.Ordinal);

        var assignments = await AssignmentsAsync(factory);
        var kept = await head.Post(firstUrl, firstUrl + "?handler=Assign", new() { ["officer"] = "clerk" });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Contains("承办人未变，仍为 办理人员（演示）（已停用），请改派给本机关其他工作人员。", await head.Client.GetStringAsync(firstUrl), StringComparison.Ordinal);
        Assert.Equal(("clerk", "head"), await OfficersAsync(factory, first, second));
        Assert.Equal(assignments, await AssignmentsAsync(factory));

        // Another officer chosen, the case is reassigned and the disabled account is gone from its picker.
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(firstUrl, firstUrl + "?handler=Assign", new() { ["officer"] = "head" })).StatusCode);
        Assert.Equal(("head", "head"), await OfficersAsync(factory, first, second));
        Assert.DoesNotContain("<option value=\"clerk\"", Picker(await head.Client.GetStringAsync(firstUrl)), StringComparison.Ordinal);
    }

    private static string Picker(string casePage)
    {
        var start = casePage.IndexOf("id=\"assign\"", StringComparison.Ordinal);
        return casePage[start..casePage.IndexOf("</select>", start, StringComparison.Ordinal)];
    }

    private static async Task<int> AssignmentsAsync(GongkaiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Audit.CountAsync(a => a.AgencyCode == "DEMO" && a.Action == AuditActions.CaseAssign);
    }

    private static async Task<(Guid First, Guid Second)> TwoOpenCasesAsync(GongkaiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var ids = await db.Applications.AsNoTracking().Where(a => a.AgencyCode == "DEMO" && a.State != (int)ApplicationState.Closed)
            .OrderBy(a => a.TrackingNumber).Select(a => a.Id).Take(2).ToListAsync();
        return (ids[0], ids[1]);
    }

    private static async Task<(string? First, string? Second)> OfficersAsync(GongkaiFactory factory, Guid first, Guid second)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var officers = await db.Applications.AsNoTracking().Where(a => a.Id == first || a.Id == second).ToDictionaryAsync(a => a.Id, a => a.AssignedOfficer);
        return (officers[first], officers[second]);
    }

    /// <summary>The clerk takes the first case and the head the second; then the administrator disables the clerk.</summary>
    private static async Task ClerkTakesFirstHeadSecondThenClerkDisabled(StaffSession head, StaffSession admin, string firstUrl, string secondUrl)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(firstUrl, firstUrl + "?handler=Assign", new() { ["officer"] = "clerk" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(secondUrl, secondUrl + "?handler=Assign", new() { ["officer"] = "head" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Disable", new() { ["userName"] = "clerk" })).StatusCode);
    }
}
