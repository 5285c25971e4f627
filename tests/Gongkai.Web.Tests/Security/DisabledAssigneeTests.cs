using System.Net;
using Gongkai.Domain.Applications;
using Gongkai.Persistence;
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

        // Before: the clerk is offered and takes the first case.
        Assert.Contains("<option value=\"clerk\"", await head.Client.GetStringAsync(firstUrl), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await head.Post(firstUrl, firstUrl + "?handler=Assign", new() { ["officer"] = "clerk" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Disable", new() { ["userName"] = "clerk" })).StatusCode);

        var casePage = await head.Client.GetStringAsync(firstUrl);
        var queue = await head.Client.GetStringAsync("/staff?state=all");
        var bulk = queue[queue.IndexOf("id=\"bulk\"", StringComparison.Ordinal)..queue.IndexOf("id=\"queue\"", StringComparison.Ordinal)];
        var rows = queue[queue.IndexOf("id=\"queue\"", StringComparison.Ordinal)..];
        Assert.DoesNotContain("<option value=\"clerk\"", casePage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"head\"", casePage, StringComparison.Ordinal);
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
}
