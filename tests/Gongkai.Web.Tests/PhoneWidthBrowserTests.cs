using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

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

    /// <summary>
    /// A visual sweep (2 December): on a desktop the application form's 提交申请 sat beside its last field (the file
    /// input, at most 36em wide), not below the form. Now the form's actions are on their own line under the fields, at
    /// the left edge of the fields, on a phone and on a desktop.
    /// </summary>
    [BrowserFact]
    public Task Apply_SubmitButtonOnItsOwnLineBelowTheFields_PhoneAndDesktop() => browser.Scenario("apply-actions", async () =>
    {
        var page = await browser.NewPage();
        var misplaced = new List<string>();
        foreach (var (width, height) in new[] { (390, 800), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("/apply");
            var submit = page.GetByRole(AriaRole.Button, new() { Name = "提交申请" });
            await Expect(submit).ToBeVisibleAsync();
            var field = (await page.Locator("#proof").BoundingBoxAsync())!;
            var button = (await submit.BoundingBoxAsync())!;
            if (button.Y < field.Y + field.Height || Math.Abs(button.X - field.X) > 1)
            {
                misplaced.Add($"{width}px: the field at ({field.X}, {field.Y}) {field.Width}×{field.Height}, the button at ({button.X}, {button.Y})");
            }

            await BrowserFixture.Shot(page, $"apply-actions-{width}");
        }

        Assert.Empty(misplaced);
    });

    /// <summary>
    /// Textareas wrote in the browser's monospace font (the 所需信息 of the application form, the report sections, the
    /// notes), beside inputs and labels in the page's font. Now a textarea takes the page's font.
    /// </summary>
    [BrowserFact]
    public Task Apply_TextareaInThePagesFont() => browser.Scenario("textarea-font", async () =>
    {
        var page = await browser.NewPage();
        await page.GotoAsync("/apply");
        var fonts = await page.EvaluateAsync<string[]>(
            "[getComputedStyle(document.body).fontFamily, getComputedStyle(document.querySelector('textarea#request')).fontFamily]");

        Assert.Equal(fonts[0], fonts[1]);
    });
}
