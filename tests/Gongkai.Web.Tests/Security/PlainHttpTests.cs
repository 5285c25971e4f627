using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// A Production start served over plain HTTP (an intranet without TLS, http://127.0.0.1): every page with a form
/// answered 500, because the antiforgery cookie was always Secure. Now cookies are Secure when the request is HTTPS;
/// with Gongkai:RequireHttps plain HTTP gets a Chinese 403 page instead of the site, never a 500.
/// </summary>
public sealed class PlainHttpTests
{
    private static GongkaiFactory Production(bool requireHttps = false) => new()
    {
        EnvironmentName = "Production",
        Settings = new() { ["Gongkai:SeedDemo"] = "true", ["Gongkai:RequireHttps"] = requireHttps ? "true" : "false" },
    };

    [Fact]
    public async Task Production_PlainHttp_FormsWorkAndCookiesNotSecure()
    {
        using var factory = Production();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://intranet.example/"), AllowAutoRedirect = false });

        var login = await client.GetAsync("/staff/login");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        foreach (var page in new[] { "/apply", "/status" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }

        // The whole round: sign in (antiforgery cookie and token over HTTP), see the queue, act on a form.
        using var officer = await StaffSession.SignIn(factory, "clerk");
        var queue = await officer.Client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("待办申请", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (url, _) = await officer.RegisterCase();
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Production_Https_CookiesSecure()
    {
        using var factory = Production();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongkai.example/"), AllowAutoRedirect = false });

        var login = await client.GetAsync("/staff/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RequireHttps_PlainHttp_ChinesePage403NeverTheSite()
    {
        using var factory = Production(requireHttps: true);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://intranet.example/"), AllowAutoRedirect = false });

        foreach (var page in new[] { "/", "/staff/login", "/apply" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("须使用 HTTPS 访问", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        var post = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "clerk", ["Password"] = GongkaiFactory.DemoPassword }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        var api = await client.GetAsync("/api/applications/DEMO-20260101-000000/status");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Contains("HTTPS", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The proxy polls its backends without TLS.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task RequireHttps_Https_SignInWithSecureCookie()
    {
        using var factory = Production(requireHttps: true);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://gongkai.example/"), AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/staff/login");

        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["UserName"] = "clerk",
            ["Password"] = GongkaiFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RequireHttps_BehindTrustedTlsProxy_Served()
    {
        using var trusted = new GongkaiFactory
        {
            EnvironmentName = "Production",
            RemoteAddress = IPAddress.Parse("10.0.0.5"),
            Settings = new() { ["Gongkai:SeedDemo"] = "true", ["Gongkai:RequireHttps"] = "true", ["Gongkai:TrustedProxies"] = "10.0.0.5" },
        };
        using var client = trusted.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://backend.example/"), AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff/login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
