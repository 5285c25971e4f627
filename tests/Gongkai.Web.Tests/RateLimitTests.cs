using System.Net;

namespace Gongkai.Web.Tests;

public sealed class RateLimitTests : IDisposable
{
    private readonly GongkaiFactory _factory = new() { StatusPerMinute = 3 };

    [Fact]
    public async Task StatusLookup_OverTheLimit_TooManyRequestsProblem()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/applications/X/status?code=Y")).StatusCode);
        }

        var limited = await client.GetAsync("/api/applications/X/status?code=Y");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("请求过于频繁", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
