using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// Pages of wide tables on a desktop (1300 px): the queue, the supervisor's overview and comparison used 960 px of the
/// screen, so 已收集, a date, 逾期 or a tracking number wrapped a character or two a line and the comparison scrolled.
/// They now use up to 1400 px (header, banner, page and footer keep one edge) and short cells stay on one line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesktopWidthBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>The cells (by selector) whose text takes more than one line, as "selector: text".</summary>
    private const string Wrapped = """
        selectors => selectors.flatMap(s => [...document.querySelectorAll(s)].filter(el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            return tops.size > 1;
        }).map(el => s + ': ' + el.textContent.trim()))
        """;

    [BrowserFact]
    public Task Desktop_QueueOverviewAndComparison_ShortCellsOnOneLine_NoScrolling() => browser.Scenario("desktop-wide", async () =>
    {
        var problems = new List<string>();
        var page = await SignIn("supervisor");
        await page.GotoAsync("/staff/supervise");
        problems.AddRange(await page.EvaluateAsync<string[]>(Wrapped, new[]
        {
            "#overview th", "#overview td:nth-child(1)", "#overview td:nth-child(4)", "#overview td:nth-child(5)", "#overview td:nth-child(6)",
        }));
        problems.AddRange(await Misaligned(page));
        await BrowserFixture.Shot(page, "desktop-overview-1300");

        await page.GotoAsync("/staff/supervise/compare");
        var scroll = await page.EvaluateAsync<int[]>("[...document.querySelectorAll('.table-scroll')].map(d => d.scrollWidth - d.clientWidth)");
        Assert.NotEmpty(scroll);
        problems.AddRange(scroll.Where(s => s > 0).Select(s => $"/staff/supervise/compare: a table scrolls by {s}px"));
        await BrowserFixture.Shot(page, "desktop-compare-1300");

        page = await SignIn("clerk");
        await page.GotoAsync("/staff");
        problems.AddRange(await page.EvaluateAsync<string[]>(Wrapped, new[] { "#queue th:not(:first-child)", "#queue td:nth-child(2)", "#queue td:nth-child(3)", "#queue td:last-child" }));
        problems.AddRange(await Misaligned(page));
        await BrowserFixture.Shot(page, "desktop-queue-1300");

        Assert.Empty(problems);
    });

    /// <summary>The page wider than the screen, or its header, banner, text and footer not starting at one edge.</summary>
    private static async Task<IEnumerable<string>> Misaligned(IPage page)
    {
        var edges = await page.EvaluateAsync<double[]>("""
            ['header nav', '.banner a', 'main', 'footer'].map(s => document.querySelector(s).getBoundingClientRect().left)
            """);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        return (edges.Distinct().Count() == 1 ? [] : new[] { $"{page.Url}: header, banner, main and footer start at {string.Join(", ", edges)}" })
            .Concat(width > 1300 ? [$"{page.Url}: {width}px wide"] : []);
    }

    private async Task<IPage> SignIn(string user)
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1300, 900);
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal) || url.EndsWith("/staff/supervise", StringComparison.Ordinal));
        return page;
    }
}
