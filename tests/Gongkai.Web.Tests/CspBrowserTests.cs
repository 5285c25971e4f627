using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Web.Tests;

/// <summary>
/// The app's own pages under its own Content-Security-Policy, in Chromium: no violation reported (an inline style or
/// script the policy blocks is a page that silently loses its layout or behaviour) on the queue, a case, the reviews
/// and the report workspace; the layout those styles carried is there; the 回执 prints alone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CspBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Recorded in the page before any of its own content runs; read back after each navigation.
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));";

    [BrowserFact]
    public Task StaffPages_NoCspViolation_LayoutKept() => browser.Scenario("csp", async () =>
    {
        var page = await browser.NewPage();
        await page.AddInitScriptAsync(RecordViolations);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (console)
                {
                    console.Add(message.Text);
                }
            }
        };
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync("head");
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));

        // The queue: the row checkboxes keep their own width (the stylesheet's input rule would stretch them).
        await Expect(page.Locator("#queue")).ToBeVisibleAsync();
        await NoViolation(page, console, "queue");
        var pick = await page.Locator("#queue input.pick").First.BoundingBoxAsync();
        Assert.True(pick!.Width < 40, $"checkbox width {pick.Width}");

        // A counter registration: the 回执, and on paper only the 回执.
        await page.GotoAsync("/staff/cases/new");
        await page.GetByLabel("姓名或单位名称").FillAsync("回执浏览器");
        await page.GetByLabel("身份证件号码或统一社会信用代码").FillAsync("110101199001011237");
        await page.GetByLabel("联系方式").FillAsync("13800000000");
        await page.GetByLabel("所需政府信息的名称、文号或者特征性描述").FillAsync("本街道2025年的财政预算");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        await NoViolation(page, console, "receipt");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("#receipt")).ToBeVisibleAsync();
        await Expect(page.Locator("main > .notice")).ToBeHiddenAsync();
        await Expect(page.Locator("header")).ToBeHiddenAsync();
        await BrowserFixture.Shot(page, "csp-receipt-print");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // A case: the actions folded, one opens on a click.
        await page.GetByRole(AriaRole.Link, new() { Name = "打开这件申请" }).ClickAsync();
        await Expect(page.Locator("#tracking")).ToBeVisibleAsync();
        await NoViolation(page, console, "case");
        var decide = page.Locator("section[aria-labelledby='act-Decide']");
        await Expect(decide.Locator("form")).ToBeHiddenAsync();
        await decide.Locator("summary").ClickAsync();
        await Expect(decide.GetByLabel("答复内容")).ToBeVisibleAsync();
        await BrowserFixture.Shot(page, "csp-case");

        // Reviews: the co-defendant checkbox sits on its label's line, not stretched across the page.
        await page.GotoAsync("/staff/reviews");
        await Expect(page.Locator("#reviews")).ToBeVisibleAsync();
        await NoViolation(page, console, "reviews");
        var box = await page.Locator("input[name=coDefendant]").BoundingBoxAsync();
        Assert.True(box!.Width < 40, $"checkbox width {box.Width}");

        // The report workspace: table 三's rows indented by depth.
        var lastYear = DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).Year - 1;
        await page.GotoAsync($"/staff/reports/{lastYear}");
        await Expect(page.Locator("#draft")).ToBeVisibleAsync();
        await NoViolation(page, console, "reports");
        var indent = await page.EvaluateAsync<double[]>(
            "['th.depth-0', 'th.depth-1', 'th.depth-2'].map(s => document.querySelector(s)).filter(e => e).map(e => parseFloat(getComputedStyle(e).paddingLeft))");
        Assert.True(indent.Length >= 2, "table 三 shows nested rows");
        Assert.True(indent[1] > indent[0], $"indentation {string.Join(", ", indent)}");
        await BrowserFixture.Shot(page, "csp-reports");
    });

    private static async Task NoViolation(IPage page, List<string> console, string where)
    {
        // Violation events are queued tasks: give the page a moment to deliver them.
        await page.WaitForTimeoutAsync(300);
        var reported = await page.EvaluateAsync<string[]>("window.__csp || []");
        Assert.True(reported.Length == 0, where + ": " + string.Join("; ", reported));
        lock (console)
        {
            Assert.True(console.Count == 0, where + ": " + string.Join("; ", console));
        }
    }
}
