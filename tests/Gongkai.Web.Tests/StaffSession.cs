using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>A signed-in officer's browser: cookies, antiforgery tokens taken from the page, redirects not followed.</summary>
public sealed partial class StaffSession : IDisposable
{
    private StaffSession(HttpClient client, System.Net.CookieContainer? cookies = null)
    {
        Client = client;
        _cookies = cookies;
    }

    private readonly System.Net.CookieContainer? _cookies;

    public HttpClient Client { get; }

    /// <summary>"name=value" of one of the session's cookies (a copied cookie, replayed by the tests of revocation).</summary>
    public string CookieHeader(string name) =>
        _cookies!.GetCookies(new Uri("http://localhost/")).Cast<System.Net.Cookie>().Single(c => c.Name == name).ToString();

    public static string Today => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A session over an existing client (e.g. of a factory with other settings); sign in with <see cref="Post"/>.</summary>
    public static StaffSession For(HttpClient client) => new(client);

    public static async Task<StaffSession> SignIn(GongkaiFactory factory, string user)
    {
        // The session keeps its own cookie jar (visible to the tests that replay a copied cookie).
        var cookies = new System.Net.CookieContainer();
        var client = factory.CreateDefaultClient(new CookieJar(cookies));
        var session = new StaffSession(client, cookies);
        var response = await session.Post("/staff/login", "/staff/login", new() { ["UserName"] = user, ["Password"] = GongkaiFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Opens <paramref name="formPage"/> for its antiforgery token, then posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> Post(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Client.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = TokenRegex().Match(page).Groups[1].Value;
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Registers an application received offline today; returns the case page URL and the tracking number.</summary>
    public async Task<(string Url, string Tracking)> RegisterCase(string category = "NaturalPerson", string? receivedOn = null)
    {
        var response = await Post("/staff/cases/new", "/staff/cases/new", new()
        {
            ["Form.Channel"] = "InPerson",
            ["ReceivedOn"] = receivedOn ?? Today,
            ["Form.Category"] = category,
            ["Form.Name"] = "张三",
            ["Form.IdProof"] = category == "NaturalPerson" ? "110101199001011237" : "91110000100000000R",
            ["Form.Contact"] = "13800000000",
            ["Form.Request"] = "某某项目的环评批复",
            ["Form.DeliveryForm"] = "纸质文本",
            ["Form.DeliveryChannel"] = "邮寄",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = CaseLinkRegex().Match(html).Groups[1].Value;
        var tracking = TrackingRegex().Match(html).Groups[1].Value;
        Assert.NotEmpty(url);
        return (url, tracking);
    }

    /// <summary>Drafts a catalogue item (a normative document, proactive, in force) on /staff/registry/new; returns its page URL.</summary>
    public async Task<string> DraftDocument(string title, string? formedOn = null, string body = "正文")
    {
        var response = await Post("/staff/registry/new", "/staff/registry/new", new()
        {
            ["Form.Title"] = title,
            ["Form.Category"] = "NormativeDocument",
            ["Form.FormedOn"] = formedOn ?? Today,
            ["Form.Mode"] = "Proactive",
            ["Form.Validity"] = "InForce",
            ["Form.Body"] = body,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>Posts a case action with the version the page shows (or <paramref name="version"/>).</summary>
    public async Task<HttpResponseMessage> Act(string caseUrl, string action, Dictionary<string, string> fields, int? version = null)
    {
        var page = await Client.GetStringAsync(caseUrl);
        fields["__RequestVerificationToken"] = TokenRegex().Match(page).Groups[1].Value;
        fields["version"] = (version ?? Version(page)).ToString(CultureInfo.InvariantCulture);
        fields["Action"] = action;
        fields.TryAdd("On", Today);
        return await Client.PostAsync(caseUrl + "?handler=Act", new FormUrlEncodedContent(fields));
    }

    public static int Version(string casePage) => int.Parse(VersionRegex().Match(casePage).Groups[1].Value, CultureInfo.InvariantCulture);

    public void Dispose() => Client.Dispose();

    /// <summary>Keeps cookies in a container the test can read; redirects are not followed.</summary>
    private sealed class CookieJar(System.Net.CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = new Uri("http://localhost/");
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    // Secure cookies (outside Development) would not be sent back over http://localhost: the jar keeps them anyway.
                    cookies.SetCookies(uri, cookie.Replace("; secure", string.Empty, StringComparison.OrdinalIgnoreCase));
                }
            }

            return response;
        }
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenRegex();

    [GeneratedRegex("<a href=\"(/staff/cases/[0-9a-f-]{36})\">打开这件申请")]
    private static partial Regex CaseLinkRegex();

    [GeneratedRegex("id=\"tracking\">([^<]+)<")]
    private static partial Regex TrackingRegex();

    [GeneratedRegex("name=\"version\" value=\"(\\d+)\"")]
    private static partial Regex VersionRegex();
}
