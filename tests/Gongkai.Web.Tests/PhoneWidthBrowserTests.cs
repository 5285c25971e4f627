using Microsoft.Playwright;

namespace Gongkai.Web.Tests;

/// <summary>
/// Pages on a phone (390 px): no page wider than the screen (a visual sweep, 2 December: wide tables made the queue 549 px,
/// the reviews 605, a published report 481, the case page's facts ran off the screen); a wide table scrolls by itself.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneWidthBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    [BrowserFact]
    public Task Phone_QueueReviewsCaseAndReport_NoWiderThanTheScreen() => browser.Scenario("phone", async () =>
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(390, 800);
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync("clerk");
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));
        var aCase = await page.Locator("a[href^='/staff/cases/']").First.GetAttributeAsync("href");

        var widths = new List<string>();
        foreach (var url in new[] { "/staff", "/staff/reviews", aCase!, $"/reports/DEMO-GAJ/{LastYear}", "/agencies/DEMO-GAJ" })
        {
            await page.GotoAsync(url);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 392)
            {
                widths.Add($"{url}: {width}px");
            }
        }

        await BrowserFixture.Shot(page, "phone-agency");
        Assert.Empty(widths);
    });
}
