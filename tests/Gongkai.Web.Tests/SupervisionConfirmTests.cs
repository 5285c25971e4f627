using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>Confirming a collected report: table 二 is corrected like tables 三 and 四; a cell that is not a count is refused, nothing lost.</summary>
public sealed partial class SupervisionWebTests
{
    [Fact]
    public async Task Confirm_TableTwoCorrected_NewVersionKeepsIt()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var url = $"/staff/supervise/confirm?agency=DEMO-CZJ&year={LastYear}";
        var page = await session.Client.GetStringAsync(url);
        var fields = new Dictionary<string, string> { ["number"] = NumberRegex().Match(page).Groups[1].Value, ["note"] = "表二第一格按原件更正" };
        foreach (Match m in AllInputsRegex().Matches(page))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        var first = fields.Keys.First(k => k.StartsWith("p:", StringComparison.Ordinal));
        fields[first] = "4321";
        var saved = await session.Post(url, url, fields);
        var after = await session.Client.GetStringAsync(url);

        Assert.Contains("id=\"confirm-proactive\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"<input name=\"{WebUtility.HtmlEncode(first)}\" value=\"4321\"", after, StringComparison.Ordinal);
        Assert.Contains("表二第一格按原件更正", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_CountNotANumber_RefusedTypedValuesKept()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var url = $"/staff/supervise/confirm?agency=DEMO-NQ&year={LastYear}";
        var page = await session.Client.GetStringAsync(url);
        var versions = VersionRegex().Matches(page).Count;
        var fields = new Dictionary<string, string> { ["number"] = NumberRegex().Match(page).Groups[1].Value, ["note"] = "核对" };
        foreach (Match m in AllInputsRegex().Matches(page))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        fields["a:apps.new_received:total"] = "十二";
        fields[fields.Keys.First(k => k.StartsWith("p:", StringComparison.Ordinal))] = "777";

        var refused = await session.Post(url, url, fields);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("未保存", html, StringComparison.Ordinal);
        Assert.Contains("“十二”", html, StringComparison.Ordinal);
        Assert.Contains("value=\"十二\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"777\"", html, StringComparison.Ordinal);
        Assert.Equal(versions, VersionRegex().Matches(await session.Client.GetStringAsync(url)).Count);
    }

    [GeneratedRegex("<input name=\"([apr]:[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex AllInputsRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"number\" value=\"(\\d+)\"")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("<li>第 \\d+ 版：")]
    private static partial Regex VersionRegex();
}
