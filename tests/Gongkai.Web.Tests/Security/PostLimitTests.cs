using System.Net;
using System.Net.Http.Json;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Issue 11 item 12: only the POSTs are limited; clients are told apart by the address a trusted proxy forwards
/// (IPv6 by /64), never by a header anyone can send; a browser gets a Chinese page, the API problem details.
/// </summary>
public sealed class PostLimitTests
{
    private static GongkaiFactory Limited(string? trustedProxies = null, string remote = "127.0.0.1") => new()
    {
        RemoteAddress = IPAddress.Parse(remote),
        Settings = new()
        {
            ["Gongkai:ApplyPerMinute"] = "2",
            ["Gongkai:TrustedProxies"] = trustedProxies ?? string.Empty,
        },
    };

    [Fact]
    public async Task ViewingTheForms_NeverCounted()
    {
        using var factory = Limited();
        using var client = factory.CreateClient();

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/apply")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm)).StatusCode);
    }

    [Fact]
    public async Task Browser_OverTheLimit_ChineseHtml429WithRetryAfter()
    {
        using var factory = Limited();
        using var client = factory.CreateClient();
        await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        var page = await client.GetStringAsync("/apply");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/apply")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value }),
        };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var limited = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("text/html", limited.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var api = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(api.Headers.RetryAfter);
    }

    [Fact]
    public async Task TrustedProxy_EachForwardedClientCountedOnItsOwn()
    {
        using var factory = Limited(trustedProxies: "127.0.0.1");
        using var client = factory.CreateClient();

        foreach (var citizen in new[] { "203.0.113.5", "203.0.113.6", "203.0.113.7" })
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.Equal(HttpStatusCode.Created, (await Apply(client, citizen)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Apply(client, "203.0.113.5")).StatusCode);
    }

    [Fact]
    public async Task UntrustedSender_ForwardedForIgnored_CannotDodgeTheLimit()
    {
        using var factory = Limited(trustedProxies: null);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await Apply(client, "203.0.113.5")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Apply(client, "203.0.113.6")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Apply(client, "203.0.113.7")).StatusCode);
    }

    [Fact]
    public async Task Ipv6_SameSlash64Shares_OtherSlash64Separate()
    {
        using var factory = Limited(trustedProxies: "10.0.0.0/8", remote: "10.1.2.3");
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await Apply(client, "2001:db8:1:2::1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Apply(client, "2001:db8:1:2:ffff::9")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Apply(client, "2001:db8:1:2:abcd::1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Apply(client, "2001:db8:1:3::1")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Apply(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = JsonContent.Create(ApiTests.ValidForm) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
