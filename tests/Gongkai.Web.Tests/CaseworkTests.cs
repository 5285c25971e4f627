using System.Globalization;
using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Gongkai.Web.Tests;

/// <summary>The officers' case page through HTTP: every action, roles, concurrency, notices, queue filters, reviews, audit.</summary>
public sealed class CaseworkTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static string InDays(int days) =>
        DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Clerk_CannotApproveAnExtension_HeadCan()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, tracking) = await clerk.RegisterCase();

        var refused = await clerk.Act(url, "Extend", new() { ["Days"] = "10", ["Text"] = "需要调取档案" });
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("办理人员不能批准延期", page, StringComparison.Ordinal);
        Assert.DoesNotContain("延长答复期限 10 个工作日", await clerk.Client.GetStringAsync(url), StringComparison.Ordinal);

        using var head = await StaffSession.SignIn(factory, "head");
        var approved = await head.Act(url, "Extend", new() { ["Days"] = "10", ["Text"] = "需要调取档案" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var after = await head.Client.GetStringAsync(url);
        Assert.Contains("经负责人同意延长答复期限 10 个工作日", after, StringComparison.Ordinal);
        Assert.Contains("延期答复告知书", after, StringComparison.Ordinal);

        var audit = await head.Client.GetStringAsync("/staff/audit?target=" + tracking);
        Assert.Contains("拒绝：延期须由公开办负责人批准", audit, StringComparison.Ordinal);
        Assert.Contains("<td>延长答复期限</td>", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("case.Extend", audit, StringComparison.Ordinal);
    }

    /// <summary>
    /// A newcomer's tour (2 December): the case page named people by their login names — clerk in the timeline and the
    /// trail, 办理人员（演示）（clerk） as the 承办人 and in the assignment list. Now everyone reads display names; the
    /// agency's administrator, who manages the accounts, also sees the login name beside the 承办人 and in the list.
    /// </summary>
    [Fact]
    public async Task CasePage_NamesPeopleByDisplayName_LoginNameOnlyForTheAdministrator()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, _) = await clerk.RegisterCase();
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "StartConsultation", new() { ["Text"] = "第三方某公司" })).StatusCode);

        var page = await clerk.Client.GetStringAsync(url);
        var timeline = page[page.IndexOf("id=\"timeline\"", StringComparison.Ordinal)..page.IndexOf("</table>", page.IndexOf("id=\"timeline\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var trail = page[page.IndexOf("id=\"audit\"", StringComparison.Ordinal)..];
        Assert.Contains("id=\"officer\">办理人员（演示）<", page, StringComparison.Ordinal);
        Assert.Contains("<td>办理人员（演示）</td>", timeline, StringComparison.Ordinal);
        Assert.Contains("<td>办理人员（演示）</td>", trail, StringComparison.Ordinal);
        Assert.Contains(">办理人员（演示）</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>clerk</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("（clerk）", page, StringComparison.Ordinal);

        using var admin = await StaffSession.SignIn(factory, "admin");
        var adminPage = await admin.Client.GetStringAsync(url);
        Assert.Contains("id=\"officer\">办理人员（演示）（clerk）<", adminPage, StringComparison.Ordinal);
        Assert.Contains(">办理人员（演示）（clerk）</option>", adminPage, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>clerk</td>", adminPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_RequestsCorrection_RecordsIt_Decides_NoticesPrintAndDownload()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, _) = await clerk.RegisterCase();

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "RequestCorrection", new() { ["Until"] = InDays(15), ["Text"] = "请写明文件的名称或文号" })).StatusCode);
        var waiting = await clerk.Client.GetStringAsync(url);
        Assert.Contains("id=\"state\">待补正<", waiting, StringComparison.Ordinal);
        Assert.Contains("登记补正后的申请", waiting, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "RecordCorrection", new() { ["Text"] = "补正了文号" })).StatusCode);
        Assert.Contains("id=\"state\">办理中<", await clerk.Client.GetStringAsync(url), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开，见附件。" })).StatusCode);
        var closed = await clerk.Client.GetStringAsync(url);
        Assert.Contains("id=\"state\">已办结<", closed, StringComparison.Ordinal);
        Assert.Contains("（一）予以公开", closed, StringComparison.Ordinal);

        var notice = await clerk.Client.GetStringAsync(url + "/notices/correction");
        Assert.Contains("政府信息公开申请补正告知书", notice, StringComparison.Ordinal);
        Assert.Contains("请写明文件的名称或文号", notice, StringComparison.Ordinal);
        var reply = await clerk.Client.GetStringAsync(url + "/notices/reply");
        Assert.Contains("予以公开，见附件。", reply, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync(url + "/notices/extension")).StatusCode);

        var docx = await clerk.Client.GetAsync(url + "/notices/reply?format=docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => e.Description + " @ " + e.Path?.XPath));
        Assert.Contains("予以公开，见附件。", document.MainDocumentPart!.Document.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IllegalTransition_RefusedWithTheReason_NothingChanges()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, _) = await clerk.RegisterCase();
        var before = StaffSession.Version(await clerk.Client.GetStringAsync(url));

        var response = await clerk.Act(url, "RecordPayment", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"error\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, StaffSession.Version(await clerk.Client.GetStringAsync(url)));
    }

    [Fact]
    public async Task TwoOfficers_SameCase_SecondGetsTheConflictMessage_FirstChangeKept()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        var (url, _) = await clerk.RegisterCase();
        var seen = StaffSession.Version(await clerk.Client.GetStringAsync(url));

        Assert.Equal(HttpStatusCode.Redirect, (await head.Act(url, "StartConsultation", new() { ["Text"] = "第三方企业" }, seen)).StatusCode);
        var late = await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开" }, seen);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已被其他工作人员修改，您的操作没有保存", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = await clerk.Client.GetStringAsync(url);
        Assert.Contains("id=\"state\">征求意见中<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineApplication_KeepsChannelAndReceiptDate_BadDateRefused()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var received = InDays(-3);
        var (url, tracking) = await clerk.RegisterCase("Research", received);

        var page = await clerk.Client.GetStringAsync(url);
        Assert.Contains(received, page, StringComparison.Ordinal);
        Assert.Contains("当面提交", page, StringComparison.Ordinal);
        Assert.Contains("id=\"officer\">办理人员（演示）<", page, StringComparison.Ordinal);
        Assert.StartsWith("DEMO-" + received.Replace("-", "", StringComparison.Ordinal), tracking, StringComparison.Ordinal);

        var future = await clerk.Post("/staff/cases/new", "/staff/cases/new", new()
        {
            ["Form.Channel"] = "Fax",
            ["ReceivedOn"] = InDays(5),
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = "李四",
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "1",
            ["Form.Request"] = "x",
            ["Form.DeliveryForm"] = "纸质文本",
            ["Form.DeliveryChannel"] = "邮寄",
        });
        Assert.Contains("收到申请的日期不能晚于今天", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_FiltersByCategoryYearAndOfficer()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (_, tracking) = await clerk.RegisterCase("LegalService");

        var legal = await clerk.Client.GetStringAsync("/staff?state=all&category=LegalService");
        var natural = await clerk.Client.GetStringAsync("/staff?state=all&category=NaturalPerson");
        var mine = await clerk.Client.GetStringAsync("/staff?officer=clerk&year=" + StaffSession.Today[..4]);
        var lastYear = await clerk.Client.GetStringAsync("/staff?state=all&year=" + (int.Parse(StaffSession.Today[..4], CultureInfo.InvariantCulture) - 1));
        var unassigned = await clerk.Client.GetStringAsync("/staff?officer=none");

        Assert.Contains(tracking, legal, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>自然人</td>", legal, StringComparison.Ordinal);
        Assert.DoesNotContain(tracking, natural, StringComparison.Ordinal);
        Assert.Contains(tracking, mine, StringComparison.Ordinal);
        Assert.DoesNotContain(tracking, lastYear, StringComparison.Ordinal);
        Assert.DoesNotContain(tracking, unassigned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_RegisteredAndDecided_ShowsOnTheCaseAndInTable4()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, tracking) = await clerk.RegisterCase();
        var year = StaffSession.Today[..4];

        var added = await clerk.Post("/staff/reviews", "/staff/reviews?handler=Add", new() { ["Tracking"] = tracking, ["kind"] = "DirectLitigation", ["filedOn"] = StaffSession.Today });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("行政诉讼（未经复议直接起诉）", await clerk.Client.GetStringAsync(url), StringComparison.Ordinal);

        var pending = await clerk.Client.GetStringAsync($"/staff/reports/{year}/cases?review=litigation.direct.pending");
        Assert.Contains(tracking, pending, StringComparison.Ordinal);

        var reviews = await clerk.Client.GetStringAsync("/staff/reviews");
        var id = System.Text.RegularExpressions.Regex.Match(reviews, "name=\"id\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var decided = await clerk.Post("/staff/reviews", "/staff/reviews?handler=Result", new() { ["id"] = id, ["result"] = "Upheld", ["decidedOn"] = StaffSession.Today });
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var badDate = await clerk.Post("/staff/reviews", "/staff/reviews?handler=Result", new() { ["id"] = id, ["result"] = "Upheld", ["decidedOn"] = InDays(30) });
        Assert.Contains("审结日期不能晚于今天", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_OfficeHeadsOnly_RecordsSignInAndActions()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, tracking) = await clerk.RegisterCase();
        await clerk.Act(url, "StartConsultation", new() { ["Text"] = "某局" });

        var denied = await clerk.Client.GetAsync("/staff/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/staff/denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var head = await StaffSession.SignIn(factory, "head");
        var log = await head.Client.GetStringAsync("/staff/audit?actor=clerk");
        Assert.Contains("登录成功", log, StringComparison.Ordinal);
        Assert.Contains("<td>登记申请</td>", log, StringComparison.Ordinal);
        Assert.Contains(tracking, log, StringComparison.Ordinal);
        Assert.Contains("完成：书面征求某局意见", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CasePage_OfAnotherAgencyOrUnknown_NotFound_AnonymousRedirected()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync("/staff/cases/" + Guid.NewGuid())).StatusCode);

        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/staff/cases/" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/reports/DEMO/2025/draft")).StatusCode);
    }
}
