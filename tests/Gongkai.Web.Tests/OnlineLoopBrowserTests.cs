using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gongkai.Web.Tests;

/// <summary>The browser fixture with a real SMTP listener on loopback as the platform's mail server.</summary>
public sealed class MailBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public MailBrowserFixture()
        : this(new LoopbackSmtpServer())
    {
    }

    private MailBrowserFixture(LoopbackSmtpServer smtp)
        : base(new GongkaiFactory
        {
            Settings =
            {
                ["Gongkai:Smtp:Host"] = "127.0.0.1",
                ["Gongkai:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Gongkai:Smtp:From"] = "gongkai@example.gov.cn",
                ["Gongkai:Smtp:PollSeconds"] = "0.2",
            },
        }) => Smtp = smtp;

    public LoopbackSmtpServer Smtp { get; }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Done means (issue 12): the whole loop as two people. An applicant applies with a file and receives the
/// acknowledgment e-mail, gets a 补正 notice by e-mail and answers it online with a file; the clerk decides 部分公开
/// with a reply document; the head approves; the applicant downloads the reply letter and the document.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OnlineLoopBrowserTests(MailBrowserFixture browser) : IClassFixture<MailBrowserFixture>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    private static string InDays(int days) =>
        DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [BrowserFact]
    public Task Applicant_And_Officers_TheWholeLoopOnline() => browser.Scenario("loop", async () =>
    {
        var smtp = browser.Smtp;
        const string email = "loop-applicant@example.com";

        // The applicant applies with a proof of identity.
        var applicant = await browser.NewPage();
        await applicant.GotoAsync("/apply");
        await applicant.GetByLabel("受理机关").SelectOptionAsync("DEMO");
        await applicant.GetByLabel("申请人类别").SelectOptionAsync("NaturalPerson");
        await applicant.GetByLabel("姓名或单位名称").FillAsync("孙七");
        await applicant.GetByLabel("身份证件号码或统一社会信用代码").FillAsync("110101199001011237");
        await applicant.GetByLabel("联系方式").FillAsync("13800000000");
        await applicant.Locator("#email").FillAsync(email);
        await applicant.GetByLabel("所需政府信息的名称、文号或者特征性描述").FillAsync("本区“老旧小区改造”项目的实施方案。");
        await applicant.Locator("#proof").SetInputFilesAsync(new FilePayload { Name = "身份证明.pdf", MimeType = "application/pdf", Buffer = AttachmentFiles.Pdf("身份证明") });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Expect(applicant.Locator("#tracking")).ToBeVisibleAsync();
        var tracking = await applicant.Locator("#tracking").InnerTextAsync();
        var code = await applicant.Locator("#code").InnerTextAsync();
        await BrowserFixture.Shot(applicant, "loop-1-receipt");

        var ack = await smtp.WaitFor(m => m.To.Mailboxes.Any(x => x.Address == email) && m.Subject != null && m.Subject.Contains(tracking, StringComparison.Ordinal) && m.Subject.StartsWith("政府信息公开申请已收到", StringComparison.Ordinal), MailWait);
        Assert.Contains("受理编号：" + tracking, ack.TextBody, StringComparison.Ordinal);

        // The clerk sees the file and asks for a correction.
        var clerk = await browser.NewPage();
        await SignIn(clerk, "clerk");
        await clerk.GotoAsync("/staff?state=all");
        await clerk.GetByRole(AriaRole.Link, new() { Name = tracking }).ClickAsync();
        await Expect(clerk.Locator("#attachment-list")).ToContainTextAsync("身份证明.pdf");
        var caseUrl = clerk.Url;
        await Act(clerk, "RequestCorrection", "待补正", async form =>
        {
            await form.GetByLabel("补正期限").FillAsync(InDays(15));
            await form.GetByLabel("需要补正的事项").FillAsync("请写明所在街道和小区名称");
        });

        var correction = await smtp.WaitFor(m => m.To.Mailboxes.Any(x => x.Address == email) && m.Subject != null && m.Subject.StartsWith("补正告知", StringComparison.Ordinal) && m.Subject.Contains(tracking, StringComparison.Ordinal), MailWait);
        Assert.Contains("请写明所在街道和小区名称", correction.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("。”。", correction.TextBody, StringComparison.Ordinal);

        // The applicant answers online with text and a file.
        await OpenStatus(applicant, tracking, code);
        await Expect(applicant.Locator("#notice-correction")).ToContainTextAsync("请写明所在街道和小区名称");
        await applicant.GetByLabel("补正内容").FillAsync("幸福街道阳光小区");
        await applicant.Locator("#answer-files").SetInputFilesAsync(new FilePayload { Name = "小区位置图.png", MimeType = "image/png", Buffer = AttachmentFiles.Png() });
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Expect(applicant.Locator("#message")).ToContainTextAsync("补正已提交");
        await BrowserFixture.Shot(applicant, "loop-2-corrected");

        // The clerk attaches the reply document and decides 部分公开: it waits for the head.
        await clerk.GotoAsync(caseUrl);
        await Expect(clerk.Locator("#state")).ToHaveTextAsync("办理中");
        await Expect(clerk.Locator("#attachment-list")).ToContainTextAsync("小区位置图.png");
        await clerk.Locator("#attachment-purpose").SelectOptionAsync("Reply");
        await clerk.Locator("#attachment-file").SetInputFilesAsync(new FilePayload { Name = "实施方案（公开部分）.pdf", MimeType = "application/pdf", Buffer = AttachmentFiles.Pdf("实施方案") });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "上传附件" }).ClickAsync();
        await Expect(clerk.Locator("#attachment-list")).ToContainTextAsync("实施方案（公开部分）.pdf");
        await Act(clerk, "Decide", "待负责人审核", async form =>
        {
            await form.GetByLabel("办理结果").SelectOptionAsync("Partial");
            await form.GetByLabel("答复内容").FillAsync("经审查，现公开实施方案，其中涉及居民个人信息的部分依条例第十五条不予公开。");
        });
        await Expect(clerk.Locator("#awaiting-head")).ToBeVisibleAsync();
        await BrowserFixture.Shot(clerk, "loop-3-awaiting-approval");

        // Before approval the applicant sees neither the reply nor the document.
        await OpenStatus(applicant, tracking, code);
        await Expect(applicant.Locator("#state")).ToHaveTextAsync("待负责人审核");
        await Expect(applicant.Locator("#notice-reply")).ToHaveCountAsync(0);
        Assert.DoesNotContain("实施方案（公开部分）.pdf", await applicant.ContentAsync(), StringComparison.Ordinal);

        // The head approves.
        var head = await browser.NewPage();
        await SignIn(head, "head");
        await head.GotoAsync("/staff?state=AwaitingApproval");
        await head.GetByRole(AriaRole.Link, new() { Name = tracking }).ClickAsync();
        await Expect(head.Locator("#proposed-outcome")).ToContainTextAsync("部分公开");
        await head.Locator("#approval").GetByRole(AriaRole.Button, new() { Name = "审核同意答复" }).ClickAsync();
        await Expect(head.Locator("#state")).ToHaveTextAsync("已办结");
        await BrowserFixture.Shot(head, "loop-4-approved");

        var replyMail = await smtp.WaitFor(m => m.To.Mailboxes.Any(x => x.Address == email) && m.Subject != null && m.Subject.StartsWith("答复已作出", StringComparison.Ordinal) && m.Subject.Contains(tracking, StringComparison.Ordinal), MailWait);
        Assert.Contains("附件：1. 实施方案（公开部分）.pdf", replyMail.TextBody, StringComparison.Ordinal);

        // The applicant reads the reply, downloads the reply letter and the disclosed document.
        await OpenStatus(applicant, tracking, code);
        await Expect(applicant.Locator("#outcome")).ToHaveTextAsync("部分公开");
        await Expect(applicant.Locator("#notice-reply")).ToContainTextAsync("六十日内");
        await Expect(applicant.Locator("#notice-reply")).Not.ToContainTextAsync("只计这一情形");
        await BrowserFixture.Shot(applicant, "loop-5-reply");
        var letter = await applicant.RunAndWaitForDownloadAsync(() =>
            applicant.Locator("#notice-reply").GetByRole(AriaRole.Button, new() { Name = "下载答复书（Word）" }).ClickAsync());
        Assert.Equal(tracking + "-答复书.docx", letter.SuggestedFilename);
        var letterPath = await letter.PathAsync();
        Assert.Equal((byte)'P', File.ReadAllBytes(letterPath)[0]);
        var document = await applicant.RunAndWaitForDownloadAsync(() =>
            applicant.GetByRole(AriaRole.Button, new() { Name = "下载 实施方案（公开部分）.pdf" }).ClickAsync());
        Assert.Equal(AttachmentFiles.Pdf("实施方案"), File.ReadAllBytes(await document.PathAsync()));
    });

    private static async Task OpenStatus(IPage page, string tracking, string code)
    {
        await page.GotoAsync("/status");
        await page.GetByLabel("受理编号").FillAsync(tracking);
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Expect(page.Locator("#state")).ToBeVisibleAsync();
    }

    private static async Task SignIn(IPage page, string user)
    {
        await page.GotoAsync("/staff");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(GongkaiFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/staff", StringComparison.Ordinal));
    }

    private static async Task Act(IPage page, string action, string expectedState, Func<ILocator, Task> fill)
    {
        // The case page folds each action (details) until the officer opens it.
        await page.Locator($"section[aria-labelledby='act-{action}'] summary").ClickAsync();
        var form = page.Locator($"section[aria-labelledby='act-{action}'] form");
        await fill(form);
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("#state")).ToHaveTextAsync(expectedState);
        await Expect(page.Locator("#error")).ToHaveCountAsync(0);
    }
}
