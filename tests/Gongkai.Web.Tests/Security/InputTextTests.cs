using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Domain.Applications;
using Gongkai.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Issue 11 item 2: control, invisible and bidi characters are refused at every input with a 400 naming the field,
/// and what was stored before still renders as .docx (a line break for \v).
/// </summary>
public sealed class InputTextTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    public static TheoryData<string, string> Bad => new()
    {
        { "\u0001", "控制字符" },
        { "\v", "控制字符" },
        { "\0", "控制字符" },
        { "\u0085", "控制字符" },
        { "\uFFFF", "非字符" },
        { "\uFDD0", "非字符" },
        { "\u202E", "双向文字控制符" },
        { "\u2066", "双向文字控制符" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task ApiApplication_BadCharacter_400NamingTheField(string bad, string kind)
    {
        using var client = factory.CreateClient();
        var form = JsonSerializer.SerializeToNode(ApiTests.ValidForm)!.AsObject();
        form["name"] = "王" + bad + "五";

        var response = await client.PostAsync("/api/applications", new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("name", problem.RootElement.GetProperty("field").GetString());
        Assert.Contains(kind, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiApplication_EscapedLoneSurrogate_400()
    {
        using var client = factory.CreateClient();
        var json = JsonSerializer.Serialize(ApiTests.ValidForm, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Replace("\"王五\"", "\"王\\ud800五\"", StringComparison.Ordinal);

        var response = await client.PostAsync("/api/applications", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不成对的代理项", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiApplication_TabsAndLineBreaks_Accepted()
    {
        using var client = factory.CreateClient();
        var form = JsonSerializer.SerializeToNode(ApiTests.ValidForm)!.AsObject();
        form["request"] = "第一项\t道路\r\n第二项\n桥梁";

        var response = await client.PostAsync("/api/applications", new StringContent(form.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task ApplyForm_ControlCharacter_400PageNamingTheField()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync("/apply");
        var response = await client.PostAsync("/apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["Form.Category"] = "NaturalPerson",
            ["Form.Name"] = "王五",
            ["Form.IdProof"] = "110101199001011237",
            ["Form.Contact"] = "13800000000",
            ["Form.Request"] = "道路维修\u0001清单",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("Form.Request", html, StringComparison.Ordinal);
        Assert.Contains("控制字符", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseAction_BidiOverride_400NothingSaved()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, _) = await clerk.RegisterCase();
        var before = StaffSession.Version(await clerk.Client.GetStringAsync(url));

        var response = await clerk.Act(url, "StartConsultation", new() { ["Text"] = "某公司\u202Egpj.exe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Text", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, StaffSession.Version(await clerk.Client.GetStringAsync(url)));
    }

    [Fact]
    public async Task NoticeDocx_StoredBeforeTheGuard_StillRendersWithLineBreak()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, tracking) = await clerk.RegisterCase();
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.Act(url, "Decide", new() { ["Outcome"] = "Granted", ["Text"] = "同意公开" })).StatusCode);
        // Written straight to the database, as an installation before this fix may hold it.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var row = db.Applications.Single(a => a.TrackingNumber == tracking);
            row.ApplicantName = "张\u0001三\v李四\uFFFF";
            row.Request = "第一行\v第二行\0";
            db.SaveChanges();
        }

        var id = url[(url.LastIndexOf('/') + 1)..];
        var response = await clerk.Client.GetAsync($"/staff/cases/{id}/notices/reply?format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("<w:br />", xml, StringComparison.Ordinal);
        Assert.Contains("李四", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishedReportDocx_StoredControlCharacters_Renders()
    {
        // The renderer behind /reports/{agency}/{year}/v{n}.docx: a published version is immutable, so it must render.
        var report = Gongkai.Testing.SampleReports.Clean2019();
        report.Agency = "某\v区\u0001人民\uFFFF政府";
        report.Sections.Sec1 = "总体情况\v第二行\0\uD800";
        using var buffer = new MemoryStream();

        Gongkai.Reporting.Rendering.ReportRenderer.Render(report, Gongkai.Reporting.Rendering.RenderFormat.Docx, buffer);

        buffer.Position = 0;
        using var zip = new ZipArchive(buffer);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("第二行", xml, StringComparison.Ordinal);
        Assert.Contains("<w:br />", xml, StringComparison.Ordinal);
    }
}
