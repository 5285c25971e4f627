using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests.Security;

/// <summary>Issue 11 item 5: the access code travels in X-Access-Code (or a POST body) and never reaches the log.</summary>
public sealed class AccessCodeTests : IDisposable
{
    private readonly LogCapture _log = new();
    private readonly GongkaiFactory _factory;

    public AccessCodeTests()
    {
        var log = _log;
        _factory = new GongkaiFactory
        {
            // Everything at Trace, as an operator turning logging up to debug a problem would.
            ExtraServices = services => services.AddLogging(l => l.AddProvider(log).SetMinimumLevel(LogLevel.Trace)),
        };
    }

    [Fact]
    public async Task StatusApi_CodeInHeader_Found()
    {
        using var client = _factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/applications/{number}/status");
        request.Headers.Add("X-Access-Code", code);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("办理中", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusApi_CodeInQuery_StillWorksButNeverLogged()
    {
        using var client = _factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);

        var response = await client.GetAsync($"/api/applications/{number}/status?code={code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(_log.Messages);
        Assert.DoesNotContain(_log.Messages, m => m.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedSettings_FrameworkLoggingAtWarning()
    {
        var factory = _factory.Services.GetRequiredService<ILoggerFactory>();
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Gongkai.Testing.RepoPaths.Root, "src", "Gongkai.Web", "appsettings.json")));
        var levels = settings.RootElement.GetProperty("Logging").GetProperty("LogLevel");

        Assert.Equal("Warning", levels.GetProperty("Microsoft.AspNetCore").GetString());
        Assert.Equal("Warning", levels.GetProperty("Microsoft.EntityFrameworkCore").GetString());
        Assert.False(factory.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    public void Dispose() => _factory.Dispose();
}
