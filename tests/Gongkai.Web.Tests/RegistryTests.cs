using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// The registry over HTTP on the real host: the review before release enforced by role and person (条例第十七条), the
/// dashboard's 第二十六条 block, imports with refused rows, table 二 from the registry with drill-down, search in an
/// attachment's text, the public page and the Atom feed.
/// </summary>
public sealed partial class RegistryTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static string Year => StaffSession.Today[..4];

    private static async Task<(string Url, int Id)> Draft(StaffSession s, string title, string formedOn, string body = "正文")
    {
        var url = await s.DraftDocument(title, formedOn, body);
        return (url, int.Parse(url[(url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> Act(StaffSession s, string url, string action, string note = "", int? version = null)
    {
        var page = await s.Client.GetStringAsync(url);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value,
            ["version"] = (version ?? int.Parse(VersionRegex().Match(page).Groups[1].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
            ["action"] = action,
            ["note"] = note,
        };
        return await s.Client.PostAsync(url + "?handler=Act", new FormUrlEncodedContent(fields));
    }

    private static async Task<string> State(StaffSession s, string url) =>
        StateRegex().Match(await s.Client.GetStringAsync(url)).Groups[1].Value;

    [Fact]
    public async Task Review_EachStepByTheRightRole_IllegalStepsRefusedInChinese_ThenPublic()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        using var admin = await StaffSession.SignIn(factory, "admin");
        var (url, id) = await Draft(clerk, "关于规范停车收费的通知", StaffSession.Today);
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/catalogue/{id}")).StatusCode);

        // Approving a draft skips the chain: refused, with the reason.
        var skip = await Act(head, url, "Approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, skip.StatusCode);
        Assert.Contains("须先完成公开属性审查和保密审查", await skip.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(clerk, url, "Submit")).StatusCode);
        Assert.Equal("待公开属性审查", await State(clerk, url));

        var own = await Act(clerk, url, "ConfirmAttribute");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, own.StatusCode);
        Assert.Contains("起草人以外的工作人员", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, url, "ConfirmAttribute", "主动公开，无异议")).StatusCode);

        var clerkSecrecy = await Act(clerk, url, "ClearSecrecy");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clerkSecrecy.StatusCode);
        Assert.Contains("保密审查须由公开办负责人", await clerkSecrecy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await Act(head, url, "ClearSecrecy", version: 1);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, url, "ClearSecrecy", "不涉密")).StatusCode);

        var clerkApprove = await Act(clerk, url, "Approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, clerkApprove.StatusCode);
        Assert.Contains("发布须经公开办负责人批准", await clerkApprove.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(admin, url, "Approve", "同意发布")).StatusCode);
        Assert.Equal("已发布", await State(admin, url));

        var page = await anonymous.GetStringAsync($"/catalogue/{id}");
        Assert.Contains("关于规范停车收费的通知", page, StringComparison.Ordinal);
        Assert.Contains($"DEMO/{Year}-", page, StringComparison.Ordinal);
        Assert.Contains("本文件暂无政策解读", page, StringComparison.Ordinal);

        var steps = await admin.Client.GetStringAsync(url);
        Assert.Contains("主动公开，无异议", steps, StringComparison.Ordinal);
        Assert.Contains("不涉密", steps, StringComparison.Ordinal);
        var audit = await head.Client.GetStringAsync("/staff/audit");
        Assert.Contains("目录信息公开属性审查通过", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("registry.", audit, StringComparison.Ordinal);
        Assert.Contains("拒绝：公开属性审查须由起草人以外的工作人员进行", audit, StringComparison.Ordinal);
    }

    /// <summary>
    /// A visual sweep (2 December): an item's review steps and its 操作记录 were in UTC (a step taken at 09:30 read 01:30),
    /// where every other page of the workspace shows Beijing time.
    /// </summary>
    [Fact]
    public async Task Document_ReviewStepsAndTrail_InBeijingTime()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, id) = await Draft(clerk, "关于办理时间显示的说明", StaffSession.Today);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(clerk, url, "Submit", "请审查")).StatusCode);

        var page = await clerk.Client.GetStringAsync(url);
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        var step = new DateTimeOffset(db.Set<RegistryReviewStepRow>().AsNoTracking().Single(x => x.DocumentId == id).AtUtcTicks, TimeSpan.Zero);
        var index = db.Set<RegistryDocumentRow>().AsNoTracking().Single(x => x.Id == id).IndexNumber;
        var created = db.Audit.AsNoTracking().Single(a => a.Target == index && a.Action == "registry.create").AtUtcTicks;

        Assert.Contains("<th scope=\"col\">时间（北京时间）</th>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{ChinaTime.Format(step)}</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{step.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<li>{ChinaTime.FormatTicks(created)} 办理人员（演示）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The attack on a running copy: a head rewrote a clerk's draft and took every review step alone (all 302), and the
    /// rewritten text was public. Now the head has become one of its authors: the steps for a second person are refused
    /// (422, in Chinese, audited) and nothing is public until someone else takes them.
    /// </summary>
    [Fact]
    public async Task Review_HeadRewritesTheClerksDraft_CannotReviewItAlone_RefusedInChinese_NotPublic()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        using var admin = await StaffSession.SignIn(factory, "admin");
        var (url, id) = await Draft(clerk, "关于调整收费标准的通知", StaffSession.Today, "原稿正文");
        var version = VersionRegex().Match(await head.Client.GetStringAsync(url)).Groups[1].Value;
        var edit = await head.Post(url, url + "?handler=Edit", new()
        {
            ["version"] = version,
            ["Form.Title"] = "关于调整收费标准的通知（改）",
            ["Form.Category"] = "NormativeDocument",
            ["Form.FormedOn"] = StaffSession.Today,
            ["Form.Mode"] = "Proactive",
            ["Form.Validity"] = "InForce",
            ["Form.Body"] = "负责人改写的正文",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(head, url, "Submit")).StatusCode);

        var attribute = await Act(head, url, "ConfirmAttribute");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, attribute.StatusCode);
        Assert.Contains("您修改过这条信息的草稿或附件，公开属性审查须由起草人和修改人以外的工作人员进行", await attribute.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(admin, url, "ConfirmAttribute")).StatusCode);
        var secrecy = await Act(head, url, "ClearSecrecy");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, secrecy.StatusCode);
        Assert.Contains("不能对其进行保密审查", await secrecy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Act(admin, url, "ClearSecrecy")).StatusCode);
        var approve = await Act(head, url, "Approve");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approve.StatusCode);
        Assert.Contains("不能批准发布", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal("待负责人审批", await State(head, url));
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/catalogue/{id}")).StatusCode);
        var audit = await admin.Client.GetStringAsync("/staff/audit");
        Assert.Contains("拒绝：您修改过这条信息的草稿或附件，不能批准发布", audit, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Act(admin, url, "Approve")).StatusCode);
        Assert.Contains("负责人改写的正文", await anonymous.GetStringAsync($"/catalogue/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_DraftPast20WorkingDays_Flagged()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var formed = DateOnly.ParseExact(StaffSession.Today, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Draft(clerk, "迟迟未公开的实施方案", formed);

        var dashboard = await clerk.Client.GetStringAsync("/staff");

        Assert.Contains("主动公开期限提醒", dashboard, StringComparison.Ordinal);
        Assert.Matches("迟迟未公开的实施方案</a>（[^）]*已超期）", dashboard);
    }

    [Fact]
    public async Task Search_WordOnlyInAttachment_FindsTheDocument()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        using var head = await StaffSession.SignIn(factory, "head");
        var (url, id) = await Draft(clerk, "关于海岸带生态修复的通知", StaffSession.Today, "各区：现将有关事项通知如下。");
        var page = await clerk.Client.GetStringAsync(url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(Docx("附件：红树林保护区名录")), "file", "名录.docx" },
        };
        var upload = await clerk.Client.PostAsync(url + "?handler=Attach", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await Act(clerk, url, "Submit");
        await Act(head, url, "ConfirmAttribute");
        await Act(head, url, "ClearSecrecy");
        await Act(head, url, "Approve");

        using var anonymous = factory.CreateClient();
        var results = await anonymous.GetStringAsync("/catalogue?q=" + Uri.EscapeDataString("红树林"));
        var none = await anonymous.GetStringAsync("/catalogue?q=" + Uri.EscapeDataString("珊瑚礁"));

        Assert.Contains($"href=\"/catalogue/{id}\">关于海岸带生态修复的通知", results, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"count\">1</strong>", results, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"count\">0</strong>", none, StringComparison.Ordinal);
        var doc = await anonymous.GetStringAsync($"/catalogue/{id}");
        var link = AttachmentRegex().Match(doc).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var file = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Docx("附件：红树林保护区名录").Length, (await file.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task Attach_DamagedDocxWithHostileContentType_SavedUnsearchable_ServedAsDocxDownload()
    {
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var (url, _) = await Draft(clerk, "关于附件损坏的通知", StaffSession.Today);
        var page = await clerk.Client.GetStringAsync(url);
        // A .docx whose package points at a part it does not hold (OpenXml: InvalidOperationException) — a 500 before, the
        // file written to disk with no row; and the browser's Content-Type, kept before, says text/html and is 300 characters long.
        using var damaged = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(damaged, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                types.Write("""<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>""");
            }

            using var rels = new StreamWriter(zip.CreateEntry("_rels/.rels").Open());
            rels.Write("""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/nowhere.xml"/></Relationships>""");
        }

        var bytes = damaged.ToArray();
        var file = new ByteArrayContent(bytes);
        file.Headers.TryAddWithoutValidation("Content-Type", "text/html; x=" + new string('a', 300));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { file, "file", "损坏的附件.docx" },
        };

        var upload = await clerk.Client.PostAsync(url + "?handler=Attach", form);

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var after = await clerk.Client.GetStringAsync(url);
        var link = Regex.Match(after, "href=\"([^\"]*handler=Attachment[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.NotEmpty(link);
        var download = await clerk.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Import_SomeRowsRefused_422WithLineNumbers_ThenTableTwoDrillsDown()
    {
        using var head = await StaffSession.SignIn(factory, "head");
        var year = int.Parse(Year, CultureInfo.InvariantCulture) - 1;
        var csv = string.Join("\n",
            "索引号,信息名称,文号,类别,成文日期,发布日期,废止日期",
            $"IMP/{year}-00001,导入的规章甲,令1号,规章,{year}-02-01,{year}-02-10,",
            $"IMP/{year}-00002,导入的规章乙,令2号,规章,{year}年3月1日,{year}年3月9日,",
            $"IMP/{year}-00003,坏日期,,规章,{year}-02-30,{year}-03-01,");
        var page = await head.Client.GetStringAsync("/staff/registry/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(csv), "file", "catalogue.csv" },
        };

        var response = await head.Client.PostAsync("/staff/registry/import?handler=Catalogue", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("第 4 行：拒绝，成文日期：日期", html, StringComparison.Ordinal);
        Assert.Contains("共导入 2 条，拒绝 1 条。", html, StringComparison.Ordinal);

        var workspace = await head.Client.GetStringAsync($"/staff/reports/{year}");
        var cell = CellRegex("proactive.art20_1.regulations.issued").Match(workspace);
        Assert.True(cell.Success, "table 二 cell is generated from the registry with a drill-down link");
        var count = int.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(count >= 2);
        var drill = await head.Client.GetStringAsync($"/staff/reports/{year}/registry?key=proactive.art20_1.regulations.issued");
        Assert.Contains($"<strong id=\"count\">{count}</strong>", drill, StringComparison.Ordinal);
        Assert.Contains("导入的规章甲", drill, StringComparison.Ordinal);
        Assert.Contains("导入的规章乙", drill, StringComparison.Ordinal);
        Assert.Contains("本年制发：发布日期", drill, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_BrowseByCategoryAndTopic_FeedAndGuideLink()
    {
        using var anonymous = factory.CreateClient();
        var guide = await anonymous.GetStringAsync("/");
        var all = await anonymous.GetStringAsync("/catalogue");
        var normative = await anonymous.GetStringAsync("/catalogue?category=NormativeDocument");
        var feed = await anonymous.GetAsync("/catalogue/feed");

        Assert.Contains("href=\"/catalogue\" id=\"catalogue-link\"", guide, StringComparison.Ordinal);
        Assert.True(int.Parse(CountRegex().Match(all).Groups[1].Value, CultureInfo.InvariantCulture) >= 100, "the demo catalogue holds a few hundred items");
        Assert.Contains("类别：行政规范性文件", normative, StringComparison.Ordinal);
        Assert.Contains("id=\"topics\"", all, StringComparison.Ordinal);
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        Assert.Equal(50, atom.Root!.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")).Count());
    }

    internal static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return stream.ToArray();
    }

    private static Regex CellRegex(string key) => new($"data-key=\"{Regex.Escape(key)}\"><a href=\"[^\"]+\">(\\d+)</a>");

    [GeneratedRegex("<span id=\"version\">(\\d+)</span>")]
    private static partial Regex VersionRegex();

    [GeneratedRegex("<strong id=\"state\">([^<]+)</strong>")]
    private static partial Regex StateRegex();

    [GeneratedRegex("<strong id=\"count\">(\\d+)</strong>")]
    private static partial Regex CountRegex();

    [GeneratedRegex("<a href=\"(/catalogue/\\d+\\?handler=Attachment&amp;attachment=\\d+)\">")]
    private static partial Regex AttachmentRegex();
}
