using System.Net;
using System.Text;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// An attack on a running copy (1 December): the input guard read every body before routing — a JSON body whole, into a
/// document of 300 MB for a 28 MB array, for anyone and any address, even one that answers 404 — and read forms before a
/// page's own [RequestSizeLimit] applied, so Kestrel's 30 MB default held everywhere. On real Kestrel (the test server
/// enforces no body limits): no body is read for an unknown address, JSON is capped, a page's declared limit holds.
/// </summary>
public sealed class BodyLimitTests : IDisposable
{
    private readonly GongkaiFactory _factory = new();

    public BodyLimitTests()
    {
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
    }

    public void Dispose() => _factory.Dispose();

    private static StringContent BigJson(int megabytes) =>
        new("[" + string.Join(',', Enumerable.Repeat("0", megabytes * 512 * 1024)) + "0]", Encoding.UTF8, "application/json");

    [Fact]
    public async Task JsonToAnUnknownAddress_404_BodyNotRead()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/no-such-page", BigJson(2));
        // A character the guard refuses, sent where there is no page: answered 404, so the body was never looked at.
        var unread = await client.PostAsync("/no-such-page", new StringContent("{\"name\":\"x\u202Ey\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unread.StatusCode);
    }

    [Fact]
    public async Task ApiJsonOverTheGuardsLimit_413ProblemInChinese()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/applications", BigJson(2));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请求过大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiJsonInsideAnArray_BadCharacterNamedByItsPath()
    {
        using var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/applications", new StringContent("{\"name\":\"王五\",\"items\":[{\"a\":1},{\"text\":\"x\u202Ey\"}]}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"items[1].text\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarUploadOverThePagesLimit_413ChinesePage_NothingChecked()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _factory.CreateClient().BaseAddress };
        var login = await client.GetStringAsync("/staff/login");
        var signedIn = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(login).Groups[1].Value,
            ["UserName"] = "sysadmin",
            ["Password"] = GongkaiFactory.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = await client.GetStringAsync("/staff/calendar");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            // The page declares 256 KB; before, 5 MB was read and checked.
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("日期,类型,名称\n", 40_000)))), "file", "big.csv" },
        };

        var response = await client.PostAsync("/staff/calendar?handler=Check", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("超过了这个页面允许的大小", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormOfMoreEntriesThanThePageAllows_413SaysHowMany()
    {
        using var client = _factory.CreateClient();
        var fields = Enumerable.Range(0, 1_100).Select(i => new KeyValuePair<string, string>("f" + i, "x")).ToList();

        var response = await client.PostAsync("/staff/login", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("一次提交的字段和文件超过 1,024 个，未保存", html, StringComparison.Ordinal);
    }
}
