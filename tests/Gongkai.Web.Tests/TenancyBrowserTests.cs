using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Web.Tests;

/// <summary>
/// Isolation as officers meet it, in headless Chromium: officers of two agencies of the demo city (示例市教育局 and
/// 示例市财政局) each see their own application in the queue and not the other's, and the other's case page, notice and
/// report draft are refused, while their own open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TenancyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task TwoAgencies_NeitherSeesTheOthersQueueCaseNoticesOrDraft() => browser.Scenario("tenancy", async () =>
    {
        var citizen = await browser.NewPage();
        var jyjTracking = await Apply(citizen, "DEMO-JYJ", "示例市教育局");
        var czjTracking = await Apply(citizen, "DEMO-CZJ", "示例市财政局");

        var jyj = await SignIn("jyj.clerk");
        var czj = await SignIn("czj.clerk");

        // Each queue: its own application, not the other's.
        await Expect(jyj.GetByRole(AriaRole.Link, new() { Name = jyjTracking })).ToHaveCountAsync(1);
        await Expect(jyj.GetByRole(AriaRole.Link, new() { Name = czjTracking })).ToHaveCountAsync(0);
        await Expect(czj.GetByRole(AriaRole.Link, new() { Name = czjTracking })).ToHaveCountAsync(1);
        await Expect(czj.GetByRole(AriaRole.Link, new() { Name = jyjTracking })).ToHaveCountAsync(0);
        await BrowserFixture.Shot(jyj, "tenancy-queue-jyj");

        // Each decides its own case, so that the case has a reply notice.
        var jyjCase = await OpenAndDecide(jyj, jyjTracking);
        var czjCase = await OpenAndDecide(czj, czjTracking);

        foreach (var (page, own, other) in new[] { (jyj, jyjCase, czjCase), (czj, czjCase, jyjCase) })
        {
            Assert.Equal(200, (await page.GotoAsync(own))!.Status);
            Assert.Equal(200, (await page.GotoAsync(own + "/notices/reply"))!.Status);
            Assert.Equal(404, (await page.GotoAsync(other))!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("页面不存在");
            Assert.Equal(404, (await page.GotoAsync(other + "/notices/reply"))!.Status);
        }

        var year = TimeProvider.System.GetUtcNow().Year.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(200, (await jyj.APIRequest.GetAsync($"/api/reports/DEMO-JYJ/{year}/draft")).Status);
        Assert.Equal(403, (await jyj.APIRequest.GetAsync($"/api/reports/DEMO-CZJ/{year}/draft")).Status);
        Assert.Equal(200, (await czj.APIRequest.GetAsync($"/api/reports/DEMO-CZJ/{year}/draft")).Status);
        Assert.Equal(403, (await czj.APIRequest.GetAsync($"/api/reports/DEMO-JYJ/{year}/draft")).Status);

        // The report workspace is the officer's own agency's (its banner names it; the draft's cells link to its cases).
        await jyj.GotoAsync("/staff/reports");
        await Expect(jyj.Locator("#banner")).ToHaveTextAsync("示例市教育局");
        await Expect(jyj.Locator("main")).Not.ToContainTextAsync("DEMO-CZJ");
        await BrowserFixture.Shot(jyj, "tenancy-reports-jyj");
    });

    private static async Task<string> Apply(IPage page, string agency, string name)
    {
        await page.GotoAsync($"/agencies/{agency}/apply");
        await Expect(page.Locator("#agency-name")).ToHaveTextAsync(name);
        await page.GetByLabel("申请人类别").SelectOptionAsync("NaturalPerson");
        await page.GetByLabel("姓名或单位名称").FillAsync("孙八");
        await page.GetByLabel("身份证件号码或统一社会信用代码").FillAsync("110101199001011237");
        await page.GetByLabel("联系方式").FillAsync("13800000000");
        await page.GetByLabel("所需政府信息的名称、文号或者特征性描述").FillAsync("2025年部门预算执行情况");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(page.Locator("#tracking")).ToBeVisibleAsync();
        return await page.Locator("#tracking").InnerTextAsync();
    }

    private async Task<IPage> SignIn(string user)
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Opens the case from the queue, records a decision, returns the case page's path.</summary>
    private static async Task<string> OpenAndDecide(IPage page, string tracking)
    {
        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = tracking }).ClickAsync();
        await Expect(page.Locator("#tracking")).ToHaveTextAsync(tracking);
        await page.Locator("section[aria-labelledby='act-Decide'] summary").ClickAsync();
        var form = page.Locator("section[aria-labelledby='act-Decide'] form");
        await form.GetByLabel("办理结果").SelectOptionAsync("Granted");
        await form.GetByLabel("答复内容").FillAsync("经审查，予以公开。");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync("已办结");
        return new Uri(page.Url).AbsolutePath;
    }
}
