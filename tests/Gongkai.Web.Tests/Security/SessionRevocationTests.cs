using System.Net;
using Gongkai.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 8: after logout, demotion or a password change the old cookie no longer works — the audit log included.</summary>
public sealed class SessionRevocationTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Logout_OldCookieReplayed_AuditLogRedirectsToLogin()
    {
        using var head = await StaffSession.SignIn(factory, "head");
        var cookie = CookieOf(head);
        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie, "/staff/audit")).StatusCode);

        var logout = await head.Post("/staff", "/staff/logout", new());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var replayed = await Replay(cookie, "/staff/audit");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/staff/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demoted_OldCookie_NoLongerOpensTheAuditLog()
    {
        using var admin = await StaffSession.SignIn(factory, "admin");
        var cookie = CookieOf(admin);
        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie, "/staff/audit")).StatusCode);

        await Update("admin", u => u.SetProperty(x => x.Role, 0));
        try
        {
            var replayed = await Replay(cookie, "/staff/audit");
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.StartsWith("/staff/login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await Replay(cookie, "/staff")).StatusCode);
        }
        finally
        {
            await Update("admin", u => u.SetProperty(x => x.Role, 2));
        }
    }

    [Fact]
    public async Task PasswordChanged_OldCookie_Refused()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var cookie = CookieOf(clerk);
        Assert.Equal(HttpStatusCode.OK, (await Replay(cookie, "/staff")).StatusCode);

        var hash = new PasswordHasher<Gongkai.Persistence.Entities.StaffUserRow>().HashPassword(new(), GongkaiFactory.DemoPassword);
        await Update("clerk", u => u.SetProperty(x => x.PasswordHash, hash));

        Assert.Equal(HttpStatusCode.Redirect, (await Replay(cookie, "/staff")).StatusCode);
    }

    [Fact]
    public async Task RevokeSessions_OtherDevicesSignedOut()
    {
        using var first = await StaffSession.SignIn(factory, "head");
        using var second = await StaffSession.SignIn(factory, "head");

        using (var scope = factory.Services.CreateScope())
        {
            await Gongkai.Web.Hosting.Security.StaffSignIn.RevokeSessionsAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), "head");
        }

        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/staff")).StatusCode);
    }

    private async Task Update(string user, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Gongkai.Persistence.Entities.StaffUserRow>> set)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().StaffUsers.Where(u => u.UserName == user).ExecuteUpdateAsync(set);
    }

    /// <summary>The session cookie, as an attacker who copied it would hold it.</summary>
    private static string CookieOf(StaffSession session) => session.CookieHeader("gongkai.staff");

    private async Task<HttpResponseMessage> Replay(string cookie, string path)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
