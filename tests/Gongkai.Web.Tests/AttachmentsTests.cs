using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>Attachments through the real host: the applicant's API with the access code, the officer's case page, limits, types, retention.</summary>
public sealed partial class AttachmentsTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static Task<HttpResponseMessage> Upload(HttpClient client, string number, string? code, byte[] bytes, string name)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{number}/attachments") { Content = AttachmentFiles.Form(bytes, name) };
        if (code is not null)
        {
            request.Headers.Add("X-Access-Code", code);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Get(HttpClient client, string url, string? code)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (code is not null)
        {
            request.Headers.Add("X-Access-Code", code);
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task Upload_Pdf_201_ListedInStatus_DownloadedAsAttachmentWithCodeOnly()
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        var pdf = AttachmentFiles.Pdf();

        var created = await Upload(client, number, code, pdf, "身份证复印件.pdf");
        using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("身份证复印件.pdf", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(pdf.Length, body.RootElement.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), body.RootElement.GetProperty("sha256").GetString());
        Assert.Equal("申请人", body.RootElement.GetProperty("addedBy").GetString());

        var status = await Get(client, $"/api/applications/{number}/status", code);
        using var statusBody = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var listed = Assert.Single(statusBody.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("身份证复印件.pdf", listed.GetProperty("name").GetString());
        Assert.Equal(pdf.Length, listed.GetProperty("size").GetInt64());
        Assert.Equal("申请人", listed.GetProperty("addedBy").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", listed.GetProperty("addedAt").GetString());

        var url = created.Headers.Location!.ToString();
        var download = await Get(client, url, code);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Get(client, url, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get(client, url, "AAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Upload(client, number, "AAAAAAAA", pdf, "x.pdf")).StatusCode);
    }

    [Theory]
    [InlineData("html", "证明.pdf", 415)]
    [InlineData("zip", "材料.zip", 415)]
    [InlineData("docx", "说明.docx", 201)]
    [InlineData("ofd", "发票.ofd", 201)]
    [InlineData("png", "照片.png", 201)]
    public async Task Upload_TypeDetectedByContent(string kind, string name, int expected)
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        var bytes = kind switch
        {
            "html" => AttachmentFiles.Html(),
            "zip" => AttachmentFiles.PlainZip(),
            "docx" => AttachmentFiles.Docx(),
            "ofd" => AttachmentFiles.Ofd(),
            _ => AttachmentFiles.Png(),
        };

        var response = await Upload(client, number, code, bytes, name);

        Assert.Equal(expected, (int)response.StatusCode);
        if (expected == 415)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Upload_HtmlNamedPdf_RefusedNeverServed()
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);

        var response = await Upload(client, number, code, AttachmentFiles.Html(), "看我.html");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("PDF", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("long-header")]
    public async Task Upload_MalformedMultipart_400InChinese_NothingStored(string shape)
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        const string boundary = "gk-boundary";
        var pdf = System.Text.Encoding.Latin1.GetString(AttachmentFiles.Pdf());
        var body = shape == "cut"
            // The file part begins and the body ends inside it: no closing boundary.
            ? $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n{pdf[..(pdf.Length / 2)]}"
            // A part header longer than the reader's line limit (16 KB).
            : $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{new string('a', 20_000)}.pdf\"\r\n\r\n{pdf}\r\n--{boundary}--\r\n";
        using var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{number}/attachments") { Content = content };
        request.Headers.Add("X-Access-Code", code);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("无法读取", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var status = JsonDocument.Parse(await (await Get(client, $"/api/applications/{number}/status", code)).Content.ReadAsStringAsync());
        Assert.Empty(status.RootElement.GetProperty("attachments").EnumerateArray());
    }

    [Fact]
    public async Task Upload_OverFileOrCaseLimit_413_NothingStored()
    {
        using var small = factory.WithWebHostBuilder(b => b
            .UseSetting("Gongkai:Attachments:MaxFileBytes", "4096")
            .UseSetting("Gongkai:Attachments:MaxCaseBytes", "5000")
            .UseSetting("Gongkai:Attachments:Directory", Path.Combine(factory.DataDirectory, "attachments-small")));
        using var client = small.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        var big = new byte[5000];
        AttachmentFiles.Pdf().CopyTo(big, 0);
        var three = new byte[3000];
        AttachmentFiles.Pdf("三千").CopyTo(three, 0);

        var tooBig = await Upload(client, number, code, big, "大文件.pdf");
        var first = await Upload(client, number, code, three, "a.pdf");
        var overCase = await Upload(client, number, code, three, "b.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("单个文件不能超过", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overCase.StatusCode);
        Assert.Contains("合计不能超过", await overCase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var status = JsonDocument.Parse(await (await Get(client, $"/api/applications/{number}/status", code)).Content.ReadAsStringAsync());
        Assert.Single(status.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "attachments-small", "tmp")));
    }

    [Fact]
    public async Task Officer_UploadsReplyDocument_ApplicantDownloadsIt_OtherUsersCannot()
    {
        using var client = factory.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var caseUrl = await CaseUrl(clerk, number);
        var page = await clerk.Client.GetStringAsync(caseUrl);
        using var form = AttachmentFiles.Form(AttachmentFiles.Pdf("答复书"), "答复书.pdf", "Upload");
        form.Add(new StringContent("Reply"), "Purpose");
        form.Add(new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken");

        var uploaded = await clerk.Client.PostAsync(caseUrl + "/attachments", form);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        page = await clerk.Client.GetStringAsync(caseUrl);
        var link = StaffLinkRegex().Match(page).Groups[1].Value;
        Assert.Contains("答复书.pdf", page, StringComparison.Ordinal);
        var officerDownload = await clerk.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, officerDownload.StatusCode);
        Assert.Equal("attachment", officerDownload.Content.Headers.ContentDisposition!.DispositionType);
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);

        // A reply document is the applicant's once the reply is issued, not while it is being prepared.
        using (var draft = JsonDocument.Parse(await (await Get(client, $"/api/applications/{number}/status", code)).Content.ReadAsStringAsync()))
        {
            Assert.Empty(draft.RootElement.GetProperty("attachments").EnumerateArray());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(caseUrl, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "予以公开，见附件。" })).StatusCode);
        using var status = JsonDocument.Parse(await (await Get(client, $"/api/applications/{number}/status", code)).Content.ReadAsStringAsync());
        var listed = Assert.Single(status.RootElement.GetProperty("attachments").EnumerateArray());
        Assert.Equal("工作人员", listed.GetProperty("addedBy").GetString());
        var download = await Get(client, $"/api/applications/{number}/attachments/{listed.GetProperty("id").GetString()}", code);
        Assert.Equal(AttachmentFiles.Pdf("答复书"), await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("上传答复文件：答复书.pdf", await clerk.Client.GetStringAsync(caseUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_DeletesFilesOfLongClosedCases_KeepsRows_Audited()
    {
        using var kept = factory.WithWebHostBuilder(b => b
            .UseSetting("Gongkai:Attachments:RetentionDays", "10")
            .UseSetting("Gongkai:Attachments:Directory", Path.Combine(factory.DataDirectory, "attachments-retention")));
        using var client = kept.CreateClient();
        var (number, code) = await ApiTests.Apply(client);
        var bytes = AttachmentFiles.Pdf("保存期限 " + Guid.NewGuid());
        var created = await Upload(client, number, code, bytes, "旧材料.pdf");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = Path.Combine(factory.DataDirectory, "attachments-retention", Convert.ToHexStringLower(SHA256.HashData(bytes))[..2], Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.True(File.Exists(path));

        using (var scope = kept.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var longAgo = DateOnly.FromDateTime(DateTime.UnixEpoch).AddYears(50);
            await db.Applications.Where(a => a.TrackingNumber == number)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.DecidedOn, longAgo).SetProperty(a => a.State, 4));
        }

        var purged = await AttachmentRetention.RunOnceAsync(kept.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, CancellationToken.None);

        Assert.True(purged >= 1);
        Assert.False(File.Exists(path));
        using var scope2 = kept.Services.CreateScope();
        var rows = await scope2.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AttachmentRow>().AsNoTracking()
            .Where(a => a.Sha256 == Convert.ToHexStringLower(SHA256.HashData(bytes))).ToListAsync();
        Assert.NotNull(Assert.Single(rows).DeletedAtUtcTicks);
        Assert.True(await scope2.ServiceProvider.GetRequiredService<GongkaiDbContext>().Audit.AnyAsync(a => a.Action == "attachments.purge" && a.Target == number));
        using var status = JsonDocument.Parse(await (await Get(client, $"/api/applications/{number}/status", code)).Content.ReadAsStringAsync());
        Assert.Empty(status.RootElement.GetProperty("attachments").EnumerateArray());
    }

    private static async Task<string> CaseUrl(StaffSession clerk, string number)
    {
        var queue = await clerk.Client.GetStringAsync("/staff?state=all&year=" + number.Split('-')[1][..4] + "&q=" + number);
        var match = Regex.Match(queue, "<a href=\"(/staff/cases/[0-9a-f-]{36})\">" + Regex.Escape(number) + "<");
        Assert.True(match.Success, "case not in queue");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<a href=\"(/staff/cases/[0-9a-f-]{36}/attachments/[0-9a-f-]{36})\">")]
    private static partial Regex StaffLinkRegex();
}
