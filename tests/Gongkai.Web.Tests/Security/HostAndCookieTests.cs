using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 14: Secure cookies and HSTS outside Development, configurable AllowedHosts, local redirects only.</summary>
public sealed class HostAndCookieTests
{
    [Fact]
    public async Task Production_CookiesSecure_HstsSent()
    {
        using var factory = new GongkaiFactory { EnvironmentName = "Production", Settings = new() { ["Gongkai:SeedDemo"] = "true" } };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongkai.example/"), AllowAutoRedirect = false });

        var login = await client.GetAsync("/staff/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("max-age=", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

    }

    [Fact]
    public async Task Production_SignInCookie_Secure()
    {
        using var factory = new GongkaiFactory { EnvironmentName = "Production", Settings = new() { ["Gongkai:SeedDemo"] = "true" } };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongkai.example/"), AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/staff/login");

        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["UserName"] = "clerk",
            ["Password"] = GongkaiFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var staff = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal));
        Assert.Contains("secure", staff, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", staff, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HostHeaderEvil_RedirectStaysLocal()
    {
        using var factory = new GongkaiFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://evil.example/staff/audit");
        request.Headers.Host = "evil.example";

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/staff/login?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", location, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AllowedHostsConfigured_OtherHostRefused()
    {
        using var factory = new GongkaiFactory { Settings = new() { ["AllowedHosts"] = "gongkai.example" } };
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var evil = new HttpRequestMessage(HttpMethod.Get, "http://evil.example/");
        using var good = new HttpRequestMessage(HttpMethod.Get, "http://gongkai.example/");

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(evil)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(good)).StatusCode);
    }
}
