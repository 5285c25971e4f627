using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace Gongkai.Web.Tests;

/// <summary>
/// Every page a citizen or an officer uses: Chinese as the page language, a skip link, a title, one h1, and every
/// form control named by a label (or aria-label) so that screen readers and keyboard users can fill it in.
/// </summary>
public sealed partial class AccessibilityTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task PublicAndStaffPages_LabelsLanguageHeadings()
    {
        using var anonymous = factory.CreateClient();
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        var (caseUrl, _) = await clerk.RegisterCase();
        var year = StaffSession.Today[..4];
        var pages = new List<(string Url, string Html)>();
        foreach (var url in new[] { "/", "/apply", "/status", "/reports", "/staff/login", "/catalogue", "/catalogue?q=%E4%BF%9D%E6%8A%A4" })
        {
            pages.Add((url, await anonymous.GetStringAsync(url)));
        }

        foreach (var url in new[] { "/staff", "/staff/cases/new", caseUrl, "/staff/reviews", $"/staff/reports/{year}", $"/staff/reports/{int.Parse(year, System.Globalization.CultureInfo.InvariantCulture) - 1}", "/staff/registry", "/staff/registry/new", "/staff/registry/import" })
        {
            pages.Add((url, await clerk.Client.GetStringAsync(url)));
        }

        pages.Add(("/staff/audit", await head.Client.GetStringAsync("/staff/audit")));

        var problems = pages.SelectMany(p => Problems(p.Html).Select(problem => $"{p.Url}: {problem}")).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(pages.Sum(p => Controls(Parse(p.Html)).Count()) > 50, "the pages checked should have many form controls");
    }

    [Fact]
    public void Checker_FindsAnUnlabelledInput()
    {
        const string Page = "<html lang=\"zh-CN\"><head><title>t</title></head><body><a class=\"skip\" href=\"#main\">跳到正文</a><main id=\"main\"><h1>t</h1>" +
            "<label for=\"a\">甲</label><input id=\"a\"><input id=\"b\" name=\"b\"></main></body></html>";

        Assert.Equal(["<input name=\"b\"> has no label"], Problems(Page));
    }

    private static List<string> Problems(string html)
    {
        var doc = Parse(html);
        var problems = new List<string>();
        if (doc.DocumentNode.SelectSingleNode("//html")?.GetAttributeValue("lang", "") != "zh-CN")
        {
            problems.Add("html lang is not zh-CN");
        }

        if (string.IsNullOrWhiteSpace(doc.DocumentNode.SelectSingleNode("//title")?.InnerText))
        {
            problems.Add("no title");
        }

        if (doc.DocumentNode.SelectNodes("//h1")?.Count is not >= 1)
        {
            problems.Add("no h1");
        }

        if (doc.DocumentNode.SelectSingleNode("//a[@href='#main']") is null || doc.GetElementbyId("main") is null)
        {
            problems.Add("no skip link to #main");
        }

        var labelled = (doc.DocumentNode.SelectNodes("//label[@for]") ?? Enumerable.Empty<HtmlNode>())
            .Select(l => l.GetAttributeValue("for", "")).ToHashSet(StringComparer.Ordinal);
        foreach (var control in Controls(doc))
        {
            var id = control.GetAttributeValue("id", "");
            var named = (id.Length > 0 && labelled.Contains(id))
                || !string.IsNullOrWhiteSpace(control.GetAttributeValue("aria-label", ""))
                || !string.IsNullOrWhiteSpace(control.GetAttributeValue("aria-labelledby", ""))
                || control.Ancestors("label").Any();
            if (!named)
            {
                problems.Add($"<{control.Name} name=\"{control.GetAttributeValue("name", "")}\"> has no label");
            }
        }

        foreach (var image in doc.DocumentNode.SelectNodes("//img[not(@alt)]") ?? Enumerable.Empty<HtmlNode>())
        {
            problems.Add($"<img src=\"{image.GetAttributeValue("src", "")}\"> has no alt");
        }

        return problems;
    }

    private static IEnumerable<HtmlNode> Controls(HtmlDocument doc) =>
        (doc.DocumentNode.SelectNodes("//input|//select|//textarea") ?? Enumerable.Empty<HtmlNode>())
            .Where(c => c.Name != "input" || c.GetAttributeValue("type", "text") is not ("hidden" or "submit" or "button" or "reset"));

    private static HtmlDocument Parse(string html)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml(html);
        return doc;
    }
}
