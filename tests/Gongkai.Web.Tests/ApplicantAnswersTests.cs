using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The applicant on /status with the access code: answers a 补正 notice with text and files, sees fees, reads the reply and downloads files.</summary>
public sealed partial class ApplicantAnswersTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static string InDays(int days) =>
        DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> CaseUrl(StaffSession clerk, string number)
    {
        var queue = await clerk.Client.GetStringAsync("/staff?state=all&q=" + number);
        return Regex.Match(queue, "<a href=\"(/staff/cases/[0-9a-f-]{36})\">" + Regex.Escape(number) + "<").Groups[1].Value;
    }

    private static async Task<string> Status(HttpClient client, string number, string code)
    {
        var page = await client.GetStringAsync("/status");
        var response = await client.PostAsync("/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["Number"] = number,
            ["Code"] = code,
        }));
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Receipt_ReprintedFromTheStatusPage_WithTheCode_AsIssued_NotWithAWrongCode()
    {
        using var client = factory.CreateClient();
        var created = await client.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        using var issued = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var number = issued.RootElement.GetProperty("trackingNumber").GetString()!;
        var code = issued.RootElement.GetProperty("accessCode").GetString()!;
        var due = DateOnly.ParseExact(issued.RootElement.GetProperty("due").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var status = await Status(client, number, code);
        Assert.Contains("id=\"reprint\"", status, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"receipt\"", status, StringComparison.Ordinal);
        FormUrlEncodedContent Form(string withCode) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(status).Groups[1].Value,
            ["Number"] = number,
            ["Code"] = withCode,
        });

        var reprint = await client.PostAsync("/status?handler=Receipt", Form(code.ToLowerInvariant()));
        var page = await reprint.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
        Assert.Contains("id=\"receipt\"", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"receipt-number\">{number}<", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"receipt-code\">{code}<", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"receipt-due\">{due.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}<", page, StringComparison.Ordinal);
        Assert.Contains("id=\"receipt-reprint\"", page, StringComparison.Ordinal);
        var wrong = await (await client.PostAsync("/status?handler=Receipt", Form("WRONGCOD"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("id=\"receipt\"", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain(number + "</strong>", wrong, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Answer(HttpClient client, string number, string code, string text, byte[]? file) =>
        AnswerWithFiles(client, number, code, text, file is null ? [] : [("补正说明.pdf", file)]);

    private static async Task<HttpResponseMessage> AnswerWithFiles(HttpClient client, string number, string code, string text, params (string Name, byte[] Bytes)[] files)
    {
        var page = await Status(client, number, code);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(number), "Number" },
            { new StringContent(code), "Code" },
            { new StringContent(text), "Answer" },
        };
        foreach (var (name, bytes) in files)
        {
            form.Add(new ByteArrayContent(bytes), "Files", name);
        }

        return await client.PostAsync("/status?handler=Answer", form);
    }

    [Fact]
    public async Task Applicant_SeesCorrectionNotice_AnswersWithTextAndFile_PeriodRestarts()
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var caseUrl = await CaseUrl(clerk, number);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "RequestCorrection", new() { ["Until"] = InDays(15), ["Text"] = "请写明项目所在街道" })).StatusCode);

        var before = await Status(client, number, code);
        Assert.Contains("id=\"notice-correction\"", before, StringComparison.Ordinal);
        Assert.Contains("请写明项目所在街道", before, StringComparison.Ordinal);
        Assert.Contains("id=\"answer\"", before, StringComparison.Ordinal);

        var answered = await Answer(client, number, code, "东城区和平里街道", AttachmentFiles.Pdf("补正"));
        var page = await answered.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("补正已提交", page, StringComparison.Ordinal);
        Assert.Contains("id=\"state\">办理中<", page, StringComparison.Ordinal);
        Assert.Contains("补正说明.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"answer\"", page, StringComparison.Ordinal);
        var officer = await clerk.Client.GetStringAsync(caseUrl);
        Assert.Contains("申请人在网上补正：东城区和平里街道（附件：补正说明.pdf）", officer, StringComparison.Ordinal);
        Assert.Contains("收到补正后的申请，答复期限自此日重新计算", officer, StringComparison.Ordinal);

        var again = await Answer(client, number, code, "再补一次", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("目前不需要补正", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicant_AnswersWithAGoodAndARefusedFile_NothingStored_StillAwaitingCorrection_SharedFileKept()
    {
        using var client = factory.CreateClient();
        // Bytes another case already holds: the answer's copy is deduplicated with it, and that case's file must stay.
        var (other, otherCode) = await ApiTests.Apply(client);
        var shared = AttachmentFiles.Pdf("身份证明 " + Guid.NewGuid());
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{other}/attachments") { Content = AttachmentFiles.Form(shared, "身份证明.pdf") })
        {
            upload.Headers.Add("X-Access-Code", otherCode);
            Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(upload)).StatusCode);
        }

        var (number, code) = await ApiTests.Apply(client);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var caseUrl = await CaseUrl(clerk, number);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "RequestCorrection", new() { ["Until"] = InDays(15), ["Text"] = "请补充身份证明" })).StatusCode);
        var own = AttachmentFiles.Pdf("补正 " + Guid.NewGuid());

        // Two acceptable PDFs, then a refused type: the PDFs were stored (rows and files, no audit entry) while the page said nothing was submitted.
        var refused = await AnswerWithFiles(client, number, code, "见附件", ("补正说明.pdf", own), ("身份证明.pdf", shared), ("网页.html", AttachmentFiles.Html()));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("网页.html：不支持这种文件", page, StringComparison.Ordinal);
        Assert.Contains("补正尚未提交", page, StringComparison.Ordinal);
        Assert.Contains("id=\"answer\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("补正说明.pdf", page, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
            var caseId = await db.Applications.Where(a => a.TrackingNumber == number).Select(a => a.Id).SingleAsync();
            var otherId = await db.Applications.Where(a => a.TrackingNumber == other).Select(a => a.Id).SingleAsync();
            Assert.Empty(await db.Set<AttachmentRow>().Where(a => a.ApplicationId == caseId).ToListAsync());
            Assert.False(File.Exists(store.PathOf(Convert.ToHexStringLower(SHA256.HashData(own)))));
            Assert.Single(await db.Set<AttachmentRow>().Where(a => a.ApplicationId == otherId).ToListAsync());
            Assert.True(File.Exists(store.PathOf(Convert.ToHexStringLower(SHA256.HashData(shared)))));
        }

        var officer = await clerk.Client.GetStringAsync(caseUrl);
        Assert.DoesNotContain("申请人在网上补正", officer, StringComparison.Ordinal);
        Assert.DoesNotContain("补正说明.pdf", officer, StringComparison.Ordinal);

        // The whole answer sent again without the refused file goes through, each file once.
        var again = await AnswerWithFiles(client, number, code, "见附件", ("补正说明.pdf", own), ("身份证明.pdf", shared));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("补正已提交", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("申请人在网上补正：见附件（附件：补正说明.pdf、身份证明.pdf）", await clerk.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
        using var after = factory.Services.CreateScope();
        var rows = await after.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AttachmentRow>()
            .Where(a => a.Purpose == (int)AttachmentPurpose.Correction && (a.Sha256 == Convert.ToHexStringLower(SHA256.HashData(own)) || a.Sha256 == Convert.ToHexStringLower(SHA256.HashData(shared))))
            .ToListAsync();
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Applicant_AfterTheCorrectionDeadline_CannotAnswerOnline()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var registered = await clerk.Post("/staff/cases/new", "/staff/cases/new", new()
        {
            ["Form.Channel"] = "InPerson",
            ["ReceivedOn"] = InDays(-9),
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = "孙八",
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "1",
            ["Form.Request"] = "某文件",
            ["Form.DeliveryForm"] = "纸质文本",
            ["Form.DeliveryChannel"] = "邮寄",
        });
        var receipt = await registered.Content.ReadAsStringAsync();
        var number = Regex.Match(receipt, "id=\"tracking\">([^<]+)<").Groups[1].Value;
        var code = Regex.Match(receipt, "id=\"code\">([^<]+)<").Groups[1].Value;
        var caseUrl = await CaseUrl(clerk, number);
        var requested = await clerk.Act(caseUrl, "RequestCorrection", new() { ["On"] = InDays(-8), ["Until"] = InDays(-1), ["Text"] = "请写明文号" });
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        using var client = factory.CreateClient();

        var page = await Status(client, number, code);
        var late = await Answer(client, number, code, "文号是某某", null);

        Assert.DoesNotContain("id=\"answer\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("补正期限（" + InDays(-1) + "）已过", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applicant_SeesFeesDue_ThenReadsReplyAndDownloadsDisclosedFile()
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var caseUrl = await CaseUrl(clerk, number);
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "IssueFeeNotice", new() { ["Amount"] = "100", ["Text"] = "按量计收" })).StatusCode);

        var fees = await Status(client, number, code);
        Assert.Contains("id=\"fees\"", fees, StringComparison.Ordinal);
        Assert.Contains("100.00 元", fees, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "RecordPayment", [])).StatusCode);
        var page = await clerk.Client.GetStringAsync(caseUrl);
        using (var form = AttachmentFiles.Form(AttachmentFiles.Pdf("公开的信息"), "道路维修清单.pdf", "Upload"))
        {
            form.Add(new StringContent("Reply"), "Purpose");
            form.Add(new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken");
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.Client.PostAsync(caseUrl + "/attachments", form)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开，见附件。" })).StatusCode);

        var status = await Status(client, number, code);
        Assert.Contains("id=\"notice-reply\"", status, StringComparison.Ordinal);
        Assert.Contains("予以公开，见附件。", status, StringComparison.Ordinal);
        var id = Regex.Match(status, "name=\"attachmentId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var download = await client.PostAsync("/status?handler=Download", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(status).Groups[1].Value,
            ["Number"] = number,
            ["Code"] = code,
            ["attachmentId"] = id,
        }));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(AttachmentFiles.Pdf("公开的信息"), await download.Content.ReadAsByteArrayAsync());

        var wrongCode = await client.PostAsync("/status?handler=Download", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(status).Groups[1].Value,
            ["Number"] = number,
            ["Code"] = "AAAAAAAA",
            ["attachmentId"] = id,
        }));
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
    }
}
