using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The supervisor's workspace over HTTP on the demo city: overview, exports, API, roll-up, collect and confirm.</summary>
public sealed partial class SupervisionWebTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    [Fact]
    public async Task Overview_Supervisor_ElevenAgenciesSomeLateSomeCollected()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var html = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}");

        Assert.Equal(11, RowRegex().Matches(html).Count);
        Assert.Contains("逾期", html, StringComparison.Ordinal);
        Assert.Contains("已收集", html, StringComparison.Ordinal);
        var counties = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}&level=county");
        Assert.Equal(3, RowRegex().Matches(counties).Count);
    }

    [Fact]
    public async Task Overview_SortByNameUpAndDown_PinyinOrder_ExportKeepsIt()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var up = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}&sort=name");
        var down = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}&sort=name&desc=true");
        var errors = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}&sort=errors&desc=true");
        var csv = Encoding.UTF8.GetString(await session.Client.GetByteArrayAsync($"/staff/supervise?handler=Csv&year={LastYear}&sort=name&desc=true"));

        var names = Names(up);
        Assert.Equal(11, names.Count);
        // By pinyin: 东区 (dong) before 发展和改革委员会 (fa) before 公安局 (gong) … 住房 (zhu); code points would put 东 (U+4E1C) first and 发 (U+53D1) after 住 (U+4F4F).
        Assert.Equal("示例市财政局", names[0]);
        Assert.True(names.IndexOf("示例市东区人民政府") < names.IndexOf("示例市发展和改革委员会"));
        Assert.True(names.IndexOf("示例市发展和改革委员会") < names.IndexOf("示例市住房和城乡建设局"));
        Assert.Equal(Enumerable.Reverse(names), Names(down));
        Assert.Contains("aria-sort=\"ascending\"><a href=\"/staff/supervise?year=" + LastYear + "&amp;level=&amp;kind=&amp;sort=name&amp;desc=true\"", up, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", down, StringComparison.Ordinal);
        Assert.Contains("sort=name&amp;desc=true\">导出 CSV", down, StringComparison.Ordinal);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(Names(down), rows);
        var errorCounts = Regex.Matches(errors, "<td class=\"late[^\"]*\">[^<]*</td>\\s*<td>(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(11, errorCounts.Count);
        Assert.Equal(errorCounts.OrderDescending(), errorCounts);
        Assert.True(errorCounts[0] > errorCounts[^1], "the demo city has agencies with and without errors");

        static List<string> Names(string html) => Regex.Matches(html, "<tr data-code=\"[^\"]+\">\\s*<td[^>]*>[^<]+</td>\\s*<td>([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task Overview_Clerk_Forbidden()
    {
        using var session = await StaffSession.SignIn(factory, "clerk");

        var response = await session.Client.GetAsync("/staff/supervise");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/api/supervise/DEMO/{LastYear}")).StatusCode);
    }

    [Fact]
    public async Task Export_XlsxAndCsv_OneRowPerAgency()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var xlsx = await session.Client.GetAsync($"/staff/supervise?handler=Xlsx&year={LastYear}");
        var csv = await session.Client.GetByteArrayAsync($"/staff/supervise?handler=Csv&year={LastYear}&sort=score");

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        var shared = zip.GetEntry("xl/sharedStrings.xml");
        var text = new StreamReader(sheet.Open()).ReadToEnd() + (shared is null ? "" : new StreamReader(shared.Open()).ReadToEnd());
        Assert.Contains("示例市教育局", text, StringComparison.Ordinal);
        Assert.Contains("示例市南区人民政府", text, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Take(3));
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.StartsWith("代码,机关,层级", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_ContractShape_OnlyBeneathOwnAgency()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        using var doc = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{LastYear}"));
        var beneath = await session.Client.GetAsync($"/api/supervise/DEMO-DQ/{LastYear}");
        var outside = await session.Client.GetAsync($"/api/supervise/NOWHERE/{LastYear}");

        Assert.Equal(["under", "year", "agencies", "rollup"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(11, doc.RootElement.GetProperty("agencies").GetArrayLength());
        var withReports = doc.RootElement.GetProperty("agencies").EnumerateArray().Count(a => a.GetProperty("status").GetString() is "已发布" or "已收集");
        Assert.True(withReports >= 9, $"{withReports} agencies with a report");
        Assert.Equal($"汇总（{withReports}个机关）", doc.RootElement.GetProperty("rollup").GetProperty("agency").GetString());
        Assert.Equal(HttpStatusCode.OK, beneath.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    [Fact]
    public async Task Rollup_FigureLinksToContributors_DocxDownload()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var page = await session.Client.GetStringAsync($"/staff/supervise/rollup?year={LastYear}&cell={Uri.EscapeDataString("三/apps.new_received/total")}");
        var docx = await session.Client.GetByteArrayAsync($"/staff/supervise/rollup?handler=Download&format=docx&year={LastYear}");

        Assert.Matches("的来源（(9|10) 个机关", page);
        Assert.Contains("示例市教育局", page, StringComparison.Ordinal);
        Assert.Equal((byte)'P', docx[0]);
        Assert.Matches("^汇总（(9|10)个机关）$", Gongkai.Reporting.Parsing.ReportFileReader.Read(docx).Report!.Agency);
    }

    [Fact]
    public async Task Rollup_AnInputWithErrors_NamedOnThePage_ItsFindingsInTheJson()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        using var overview = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{LastYear}"));
        var withErrors = overview.RootElement.GetProperty("agencies").EnumerateArray()
            .Where(a => a.GetProperty("status").GetString() is "已发布" or "已收集" && a.GetProperty("errors").GetInt32() > 0)
            .Select(a => (Code: a.GetProperty("code").GetString()!, Name: a.GetProperty("name").GetString()!, Errors: a.GetProperty("errors").GetInt32())).ToList();
        Assert.NotEmpty(withErrors);

        var page = await session.Client.GetStringAsync($"/staff/supervise/rollup?year={LastYear}");
        using var json = JsonDocument.Parse(await session.Client.GetStringAsync($"/staff/supervise/rollup?handler=Download&format=json&year={LastYear}"));

        Assert.Contains("id=\"input-findings\"", page, StringComparison.Ordinal);
        var findings = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        foreach (var (code, name, errors) in withErrors)
        {
            Assert.Contains($"{name}（{code}）：错误 {errors}，", page, StringComparison.Ordinal);
            Assert.Equal(errors, findings.Count(d => d.GetProperty("source").GetString() == $"{name}（{code}）" && d.GetProperty("severity").GetString() == "error"));
        }
    }

    [Fact]
    public async Task Collect_PublicationDayNotADate_NothingCollected_SaidInWords()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var report = RandomReports.Create(6, ReportEdition.Edition2021);
        report.Agency = "示例市住房和城乡建设局";
        report.Year = LastYear - 4;
        var html = await CollectThroughPageAsync(session, LastYear - 4, "dated.html", Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Html)), publishedOn: "notadate");

        Assert.Contains("公布日期“notadate”不是有效的日期（应为 年-月-日，如 2026-01-20），未保存。", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("dated.html：", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/staff/supervise/confirm?agency=DEMO-ZJJ&year={LastYear - 4}")).StatusCode);
    }

    [Fact]
    public async Task Collect_ACopyOfAReportPublishedHere_FiledAndSaidThatThePublishedOneCounts()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var report = RandomReports.Create(8, ReportEdition.Edition2021);
        report.Agency = "示例市发展和改革委员会";
        report.Year = LastYear;
        var collected = await CollectThroughPageAsync(session, LastYear, "fgw-copy.html", Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Html)));

        Assert.Contains($"fgw-copy.html：已归档（该机关已在本系统公布 {LastYear} 年度报告，总览和汇总以公布的版本为准）", collected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_AYearNotOffered_LastYearShown_EveryYearSince2019Offered()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var html = await session.Client.GetStringAsync("/staff/supervise?year=1800");

        Assert.Contains($"下属机关 {LastYear} 年度报告", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2019\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"score-help\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("docs/quality-score.md", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_UploadThenConfirm_NewVersion()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var report = RandomReports.Create(5, ReportEdition.Edition2021);
        report.Agency = "示例市住房和城乡建设局";
        report.Year = LastYear;
        var collected = await CollectThroughPageAsync(session, LastYear, "zjj.html", Encoding.UTF8.GetBytes(ReportRenderer.RenderToString(report, RenderFormat.Html)));

        Assert.Contains("zjj.html：已归档", collected, StringComparison.Ordinal);
        var confirmUrl = $"/staff/supervise/confirm?agency=DEMO-ZJJ&year={LastYear}";
        var confirmPage = await session.Client.GetStringAsync(confirmUrl);
        Assert.Contains("source-lines", confirmPage, StringComparison.Ordinal);
        var fields = new Dictionary<string, string> { ["number"] = "1", ["note"] = "已与原件核对" };
        foreach (Match m in InputRegex().Matches(confirmPage))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = m.Groups[2].Value;
        }

        var saved = await session.Post(confirmUrl, confirmUrl, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("第 2 版：已与原件核对", await session.Client.GetStringAsync(confirmUrl), StringComparison.Ordinal);
    }

    /// <summary>
    /// A folder of more than 1,024 files (the framework's default count of form entries, which the input guard's read of the form
    /// kept whatever the page declared): every file is read and answered for, none refused for the count.
    /// </summary>
    [Fact]
    public async Task Collect_FolderOfMoreThan1024Files_EveryFileAnswered()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var year = LastYear - 6;
        var page = await session.Client.GetStringAsync($"/staff/supervise/collect?year={year}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
        };
        for (var i = 0; i < 1_100; i++)
        {
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("这不是年度报告。")), "files", $"第{i:D4}份.txt");
        }

        var response = await session.Client.PostAsync($"/staff/supervise/collect?year={year}", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("第0000份.txt：", html, StringComparison.Ordinal);
        Assert.Contains("第1099份.txt：", html, StringComparison.Ordinal);
    }

    /// <summary>Uploads one file on the collect page (its antiforgery token taken from the page) and returns the page answered.</summary>
    private static async Task<string> CollectThroughPageAsync(StaffSession session, int year, string fileName, byte[] bytes, string? publishedOn = null)
    {
        var page = await session.Client.GetStringAsync($"/staff/supervise/collect?year={year}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(page).Groups[1].Value), "__RequestVerificationToken" },
        };
        if (publishedOn is not null)
        {
            form.Add(new StringContent(publishedOn), "publishedOn");
        }

        form.Add(new ByteArrayContent(bytes), "files", fileName);
        return await (await session.Client.PostAsync($"/staff/supervise/collect?year={year}", form)).Content.ReadAsStringAsync();
    }

    /// <summary>
    /// A crawler's copy of 住房和城乡建设局's report for <paramref name="year"/>: the whole text on one line, the cells of each
    /// row run together (digits the importer splits by the sums, marked for an officer to confirm).
    /// </summary>
    private static byte[] CrawledOneLine(int seed, int year)
    {
        var report = RandomReports.Create(seed, ReportEdition.Edition2021);
        report.Agency = "示例市住房和城乡建设局";
        report.Year = year;
        var text = ReportRenderer.RenderToString(report, RenderFormat.Text);
        return Encoding.UTF8.GetBytes(string.Concat(text.Split('\n').Select(l => Regex.Replace(l.TrimEnd('\r'), "(?<=\\d)[\\t ]+(?=\\d)", string.Empty))));
    }

    [GeneratedRegex("<tr data-code=\"")]
    private static partial Regex RowRegex();

    [GeneratedRegex("<input name=\"([ar]:[^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex InputRegex();
}
