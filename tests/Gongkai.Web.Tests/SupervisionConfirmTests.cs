using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

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

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("未保存", html, StringComparison.Ordinal);
        Assert.Contains("“十二”", html, StringComparison.Ordinal);
        Assert.Contains("value=\"十二\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"777\"", html, StringComparison.Ordinal);
        Assert.Equal(versions, VersionRegex().Matches(await session.Client.GetStringAsync(url)).Count);
    }

    [Fact]
    public async Task Confirm_DiagnosticLinksToItsSourceLine_EachLineItsOwnAnchor()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var page = await session.Client.GetStringAsync($"/staff/supervise/confirm?agency=DEMO-ZRJ&year={LastYear}");

        var ids = Regex.Matches(page, "<li id=\"L(\\d+)\" value=\"(\\d+)\">").Select(m => (Id: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        var links = Regex.Matches(page, "<a href=\"#L(\\d+)\">原文第 (\\d+) 行</a>").Select(m => (Target: m.Groups[1].Value, Shown: m.Groups[2].Value)).ToList();
        Assert.DoesNotContain("L@", page, StringComparison.Ordinal);
        // Table 四's rows by their group and label, not the canonical key (was "review.upheld 结果维持" three times over).
        Assert.DoesNotContain("review.upheld 结果维持", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">行政复议·结果维持</th>", page, StringComparison.Ordinal);
        Assert.NotEmpty(links);
        Assert.All(ids, i => Assert.Equal(i.Value, i.Id));
        Assert.Equal(ids.Count, ids.Select(i => i.Id).Distinct().Count());
        Assert.All(links, l => Assert.Equal(l.Shown, l.Target));
        Assert.All(links, l => Assert.Contains(l.Target, ids.Select(i => i.Id)));
    }

    [Fact]
    public async Task Confirm_DigitsRunTogetherInTablesTwoAndFour_ThoseRowsMarkedUncertain()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        // A crawler's copy: the whole report on one line, the cells of each row run together.
        var year = LastYear - 3;
        Assert.Contains("crawled.txt：已归档", await CollectThroughPageAsync(session, year, "crawled.txt", CrawledOneLine(11, year)), StringComparison.Ordinal);

        var confirm = await session.Client.GetStringAsync($"/staff/supervise/confirm?agency=DEMO-ZJJ&year={year}");

        Assert.Contains("GK4007", confirm, StringComparison.Ordinal);
        Assert.Matches("<tr data-key=\"[^\"]+\" class=\"uncertain\"><th scope=\"row\">⚠ ", confirm);
        Assert.Contains("<caption>⚠ 四、政府信息公开行政复议、行政诉讼情况（读取不确定，请对照原文）</caption>", confirm, StringComparison.Ordinal);
    }

    [GeneratedRegex("<input name=\"([apr]:[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex AllInputsRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"number\" value=\"(\\d+)\"")]
    private static partial Regex NumberRegex();

    [GeneratedRegex("<li>第 \\d+ 版：")]
    private static partial Regex VersionRegex();
}
