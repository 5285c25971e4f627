using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Web.Tests;

/// <summary>
/// The three browser scenarios of the web platform, in headless Chromium against the app on Kestrel. Every step
/// after a click waits on what the next page must show (Playwright's retrying assertions), never on load events:
/// a load-state wait right after a form submit can race the navigation and hang on a slow machine.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string Today = StaffSession.Today;

    private static string InDays(int days) =>
        DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [BrowserFact]
    public Task Citizen_Applies_ThenLooksUpTheStatus() => browser.Scenario("1", async () =>
    {
        var page = await browser.NewPage();

        var (tracking, code) = await Apply(page, "王五", "Commercial");
        await BrowserFixture.Shot(page, "1-apply-receipt");
        await page.GotoAsync("/status");
        await page.GetByLabel("受理编号").FillAsync(tracking);
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("办理中");
        await BrowserFixture.Shot(page, "1-status");

        await Expect(page.Locator("#explanation")).ToContainTextAsync("20 个工作日");
        Assert.DoesNotContain("110101199001011237", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("查询码").FillAsync("WRONG-CODE");
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("[role=alert]")).ToContainTextAsync("受理编号或查询码不正确");
        await Expect(page.Locator("#state")).ToHaveCountAsync(0);
    });

    [BrowserFact]
    public Task Officer_SignsIn_RequestsCorrection_RecordsIt_Decides() => browser.Scenario("2", async () =>
    {
        var citizen = await browser.NewPage();
        var (tracking, _) = await Apply(citizen, "赵六", "NaturalPerson");

        var page = await browser.NewPage();
        await SignIn(page, "clerk");
        await BrowserFixture.Shot(page, "2-queue");
        await page.GetByRole(AriaRole.Link, new() { Name = tracking }).ClickAsync();
        await BrowserFixture.Shot(page, "2-case");

        await Act(page, "RequestCorrection", "待补正", async form =>
        {
            await form.GetByLabel("补正期限").FillAsync(InDays(15));
            await form.GetByLabel("需要补正的事项").FillAsync("请写明所需文件的名称或文号");
        });
        await BrowserFixture.Shot(page, "2-awaiting-correction");

        await Act(page, "RecordCorrection", "办理中", form => form.GetByLabel("补正内容摘要").FillAsync("补充了文号"));

        await Act(page, "Decide", "已办结", async form =>
        {
            await form.GetByLabel("办理结果").SelectOptionAsync("Granted");
            await form.GetByLabel("答复内容").FillAsync("经审查，予以公开，见附件。");
        });
        await BrowserFixture.Shot(page, "2-decided");

        var timeline = await page.Locator("#timeline").InnerTextAsync();
        Assert.Contains("告知补正", timeline, StringComparison.Ordinal);
        Assert.Contains("收到补正后的申请", timeline, StringComparison.Ordinal);
        Assert.Contains("办结：予以公开", timeline, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "打印" }).Last.ClickAsync();
        await Expect(page.Locator("h1").Last).ToContainTextAsync("政府信息公开申请答复书");
        await BrowserFixture.Shot(page, "2-reply-notice");
    });

    [BrowserFact]
    public Task AnnualReportPage_CountsTheCaseInTheRightCell_AndValidatesClean() => browser.Scenario("3", async () =>
    {
        var citizen = await browser.NewPage();
        var (tracking, _) = await Apply(citizen, "某研究所", "Research");
        var page = await browser.NewPage();
        await SignIn(page, "clerk");
        await page.GetByRole(AriaRole.Link, new() { Name = tracking }).ClickAsync();
        await Act(page, "Decide", "待负责人审核", async form =>
        {
            await form.GetByLabel("办理结果").SelectOptionAsync("UnavailableNotHeld");
            await form.GetByLabel("答复内容").FillAsync("经检索，本机关未制作、获取该信息。");
        });

        // 无法提供 is issued once the office head approves it (答复审核).
        var head = await browser.NewPage();
        await SignIn(head, "head");
        await head.GotoAsync(page.Url);
        await head.Locator("#approval").GetByRole(AriaRole.Button, new() { Name = "审核同意答复" }).ClickAsync();
        await Expect(head.Locator("#state")).ToHaveTextAsync("已办结");

        await page.GotoAsync("/staff/reports");
        await page.GetByLabel("年度", new() { Exact = true }).SelectOptionAsync(Today[..4]);
        await page.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();
        await Expect(page.Locator("#errors")).ToHaveTextAsync("0");
        await BrowserFixture.Shot(page, "3-annual-report");

        var cell = page.Locator("tr[data-row='apps.outcome.unavailable.not_held'] td[data-col='org.research'] a");
        Assert.True(int.Parse(await cell.InnerTextAsync(), CultureInfo.InvariantCulture) >= 1);
        await cell.ClickAsync();
        await Expect(page.Locator("#cell-cases").GetByRole(AriaRole.Link, new() { Name = tracking })).ToHaveCountAsync(1);
        await BrowserFixture.Shot(page, "3-cell-drilldown");

        await page.GotoAsync($"/staff/reports/{Today[..4]}/cases?row=apps.outcome.granted&col=org.research");
        Assert.Equal(0, await page.Locator("#cell-cases").GetByRole(AriaRole.Link, new() { Name = tracking }).CountAsync());
        await page.GotoAsync($"/staff/reports/{Today[..4]}/cases?row=apps.new_received&col=org.research");
        Assert.Equal(1, await page.Locator("#cell-cases").GetByRole(AriaRole.Link, new() { Name = tracking }).CountAsync());
    });

    private static async Task<(string Tracking, string Code)> Apply(IPage page, string name, string category)
    {
        await page.GotoAsync("/apply");
        await page.GetByLabel("受理机关").SelectOptionAsync("DEMO");
        await page.GetByLabel("申请人类别").SelectOptionAsync(category);
        await page.GetByLabel("姓名或单位名称").FillAsync(name);
        await page.GetByLabel("身份证件号码或统一社会信用代码").FillAsync(category == "NaturalPerson" ? "110101199001011237" : "91110000100000000R");
        await page.GetByLabel("联系方式").FillAsync("13800000000");
        await page.GetByLabel("所需政府信息的名称、文号或者特征性描述").FillAsync("2025年本区老旧小区改造项目清单");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(page.Locator("#tracking")).ToBeVisibleAsync();
        return (await page.Locator("#tracking").InnerTextAsync(), await page.Locator("#code").InnerTextAsync());
    }

    private static async Task SignIn(IPage page, string user)
    {
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));
        await BrowserFixture.Shot(page, "signed-in-" + user);
    }

    /// <summary>Fills and submits one action's form, then waits until the case page shows the state it leads to.</summary>
    private static async Task Act(IPage page, string action, string expectedState, Func<ILocator, Task> fill)
    {
        // The case page lists the actions the state allows, each folded (details) until the officer opens it.
        await page.Locator($"section[aria-labelledby='act-{action}'] summary").ClickAsync();
        var form = page.Locator($"section[aria-labelledby='act-{action}'] form");
        await fill(form);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(expectedState);
        await Expect(page.Locator("#error")).ToHaveCountAsync(0);
    }
}
