using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Web.Tests;

/// <summary>
/// The registry in a browser: an officer drafts an item with a DOCX attachment, three people take it through the review
/// (条例第十七条), and a citizen browses the catalogue by category and finds the item by a word that only its
/// attachment contains.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistryBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task Catalogue_BrowseAndSearch_WordOnlyInAttachment_FindsTheDocument() => browser.Scenario("registry", async () =>
    {
        var clerk = await browser.NewPage();
        await SignIn(clerk, "clerk");
        await clerk.GotoAsync("/staff/registry/new");
        await clerk.GetByLabel("信息名称").FillAsync("关于加强滨海湿地管护的通知");
        await clerk.GetByLabel("正文").FillAsync("各区人民政府：现将有关事项通知如下。");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Expect(clerk.Locator("#state")).ToHaveTextAsync("起草中");
        var url = clerk.Url;

        var docx = Path.Combine(Path.GetTempPath(), "gongkai-" + Guid.NewGuid().ToString("N") + ".docx");
        await File.WriteAllBytesAsync(docx, RegistryTests.Docx("附件：候鸟迁徙通道红树林名录"));
        try
        {
            await clerk.Locator("#file").SetInputFilesAsync(docx);
            await clerk.GetByRole(AriaRole.Button, new() { Name = "上传附件" }).ClickAsync();
            await Expect(clerk.Locator("#message")).ToContainTextAsync("已添加附件");
        }
        finally
        {
            File.Delete(docx);
        }

        await Step(clerk, "Submit", "待公开属性审查");
        await BrowserFixture.Shot(clerk, "registry-submitted");

        var head = await browser.NewPage();
        await SignIn(head, "head");
        await head.GotoAsync(url);
        await Step(head, "ConfirmAttribute", "待保密审查");
        await Step(head, "ClearSecrecy", "待负责人审批");
        var admin = await browser.NewPage();
        await SignIn(admin, "admin");
        await admin.GotoAsync(url);
        await Step(admin, "Approve", "已发布");
        await BrowserFixture.Shot(admin, "registry-published");

        var citizen = await browser.NewPage();
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "政府信息公开目录" }).First.ClickAsync();
        await Expect(citizen.Locator("h1")).ToHaveTextAsync("政府信息公开目录");
        await citizen.Locator("#categories").GetByRole(AriaRole.Link, new() { Name = "行政规范性文件" }).ClickAsync();
        await Expect(citizen.Locator("#total")).ToContainTextAsync("类别：行政规范性文件");
        await Expect(citizen.Locator("#entries tbody tr").First).ToBeVisibleAsync();
        await BrowserFixture.Shot(citizen, "registry-catalogue");

        await citizen.GetByLabel("关键词").FillAsync("红树林");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();
        await Expect(citizen.Locator("#count")).ToHaveTextAsync("1");
        await BrowserFixture.Shot(citizen, "registry-search");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "关于加强滨海湿地管护的通知" }).ClickAsync();
        await Expect(citizen.Locator("#metadata")).ToContainTextAsync("行政规范性文件");
        await Expect(citizen.Locator("#attachments")).ToContainTextAsync(".docx");
        await BrowserFixture.Shot(citizen, "registry-document");
    });

    private static async Task SignIn(IPage page, string user)
    {
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/staff", StringComparison.Ordinal));
    }

    private static async Task Step(IPage page, string action, string expectedState)
    {
        var form = page.Locator("#act");
        await form.Locator("select[name=action]").SelectOptionAsync(action);
        await form.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(expectedState);
    }
}
