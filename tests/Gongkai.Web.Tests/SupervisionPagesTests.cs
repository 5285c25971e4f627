using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Reporting;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>
/// What a supervisor reads on the workspace's pages: the filters' labels with their lists, the comparison's headers and
/// its empty year, the roll-up's sources in the table's words, a published report's diagnostics, confirmed readings,
/// the 待确认 column of the exports; and no form it cannot submit.
/// </summary>
public sealed partial class SupervisionWebTests
{
    [Fact]
    public async Task Filters_EachLabelInOneBlockWithItsList()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        foreach (var page in new[] { "", "/rollup", "/compare", "/reminders", "/collect" })
        {
            var html = await session.Client.GetStringAsync($"/staff/supervise{page}?year={LastYear}");
            foreach (var field in new[] { "year", "level", "kind" })
            {
                Assert.Matches($"<div>\\s*<label for=\"{field}\">[^<]+</label>\\s*<select id=\"{field}\" name=\"{field}\">", html);
            }

            Assert.Contains("<nav class=\"subnav\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Compare_OutcomeHeadersShort_FullLabelInTitle_YearWithoutReports_SaysNoData()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var empty = 0;
        for (var year = 2019; year <= LastYear && empty == 0; year++)
        {
            using var overview = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{year}"));
            if (!overview.RootElement.GetProperty("agencies").EnumerateArray().Any(a => a.GetProperty("status").GetString() is "已发布" or "已收集"))
            {
                empty = year;
            }
        }

        var withData = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/staff/supervise/compare?year={LastYear}"));
        var none = await session.Client.GetStringAsync($"/staff/supervise/compare?year={empty}");

        var partly = ReportSchema.Edition2021.ApplicationRows.SelectMany(r => r.Children).Single(r => r.Label.StartsWith("（二）部分公开（", StringComparison.Ordinal)).Label;
        Assert.Contains($"<th scope=\"col\" title=\"{partly}\">（二）部分公开</th>", withData, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">示例市公安局</th>", withData, StringComparison.Ordinal);
        Assert.NotEqual(0, empty);
        Assert.Contains("id=\"no-data\"", none, StringComparison.Ordinal);
        Assert.Contains("暂无数据", none, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"peers\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollup_SourcesOfACell_NamedByTheTableLabels_EachAgencyLinkedToItsReport()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/staff/supervise/rollup?year={LastYear}&cell={Uri.EscapeDataString("三/apps.new_received/natural_person")}"));

        var name = CellNames.Of(ReportSchema.Edition2021, "三", "apps.new_received", "natural_person");
        Assert.Contains("自然人", name, StringComparison.Ordinal);
        Assert.Contains($"表三 {name} 的来源（", html, StringComparison.Ordinal);
        Assert.DoesNotContain("apps.new_received/natural_person 的来源", html, StringComparison.Ordinal);
        var section = html[html.IndexOf("id=\"contributors\"", StringComparison.Ordinal)..html.IndexOf("</section>", html.IndexOf("id=\"contributors\"", StringComparison.Ordinal), StringComparison.Ordinal)];
        var rows = Regex.Matches(section, "<tr><td>[^<]+</td>").Count;
        Assert.True(rows >= 9, $"{rows} contributors");
        Assert.Equal(rows, Regex.Matches(section, "<a href=\"/staff/supervise/(report|confirm)\\?agency=DEMO[^\"]*&year=" + LastYear + "\">报告与诊断</a>").Count);
        Assert.Contains("/staff/supervise/report?agency=DEMO-GAJ&year=" + LastYear, section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedReport_DiagnosticsShownToSupervisor_LinkedFromOverviewAndRollup_404OutsideScope()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            // An agency outside the supervisor's tree with the same published report: refused for where it is, not for what it lacks.
            if (!db.Agencies.Any(a => a.Code == "FARAWAY"))
            {
                var gaj = db.ReportVersions.AsNoTracking().Where(v => v.AgencyCode == "DEMO-GAJ" && v.Year == LastYear).OrderByDescending(v => v.Number).First();
                db.Agencies.Add(new Persistence.Entities.AgencyRow { Code = "FARAWAY", Name = "另一市公安局" });
                db.ReportVersions.Add(new Persistence.Entities.ReportVersionRow { AgencyCode = "FARAWAY", Year = LastYear, Number = 1, Json = gaj.Json, PublishedAtUtcTicks = gaj.PublishedAtUtcTicks, PublishedBy = "elsewhere.head" });
                db.SaveChanges();
            }
        }

        using var overview = JsonDocument.Parse(await session.Client.GetStringAsync($"/api/supervise/DEMO/{LastYear}"));
        var gajRow = overview.RootElement.GetProperty("agencies").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "DEMO-GAJ");
        var url = $"/staff/supervise/report?agency=DEMO-GAJ&year={LastYear}";

        var response = await session.Client.GetAsync(url);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var overviewPage = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}");
        var rollupPage = await session.Client.GetStringAsync($"/staff/supervise/rollup?year={LastYear}");
        var outside = await session.Client.GetAsync($"/staff/supervise/report?agency=FARAWAY&year={LastYear}");
        var unpublished = await session.Client.GetAsync($"/staff/supervise/report?agency=DEMO-ZJJ&year={LastYear}");
        using var clerk = await StaffSession.SignIn(factory, "clerk");
        var asClerk = await clerk.Client.GetAsync(url);

        Assert.Equal("已发布", gajRow.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = gajRow.GetProperty("errors").GetInt32();
        Assert.True(errors > 0, "DEMO-GAJ publishes a report with errors");
        Assert.Contains($"错误 <strong>{errors}</strong>，", html, StringComparison.Ordinal);
        Assert.Equal(errors, Regex.Matches(html, "<td>错误</td>").Count);
        Assert.Contains("<td>GK2001</td>", html, StringComparison.Ordinal);
        Assert.Matches("<td>GK2001</td><td>错误</td><td>表三 [^<]+</td><td>[^<]+</td>", html);
        Assert.Contains($"href=\"/reports/DEMO-GAJ/{LastYear}\"", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/staff/supervise/report?agency=DEMO-GAJ&amp;year={LastYear}\">报告与诊断</a>", overviewPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"<a href=\"/reports/DEMO-GAJ/{LastYear}\">", overviewPage, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/staff/supervise/report?agency=DEMO-GAJ&amp;year={LastYear}\">报告与诊断</a>", rollupPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, asClerk.StatusCode);
    }

    [Fact]
    public async Task Confirm_AfterConfirmation_DoubtsSaidConfirmed_NoRowMarked()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");
        var year = LastYear - 2;
        Assert.Contains("crawled.txt：已归档", await CollectThroughPageAsync(session, year, "crawled.txt", CrawledOneLine(12, year)), StringComparison.Ordinal);
        var url = $"/staff/supervise/confirm?agency=DEMO-ZJJ&year={year}";
        var before = await session.Client.GetStringAsync(url);
        var fields = new Dictionary<string, string> { ["number"] = NumberRegex().Match(before).Groups[1].Value, ["note"] = "已对照原件逐格核对" };
        foreach (Match m in AllInputsRegex().Matches(before))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        Assert.Contains("class=\"uncertain\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Post(url, url, fields)).StatusCode);

        var after = await session.Client.GetStringAsync(url);
        var overview = await session.Client.GetStringAsync($"/staff/supervise?year={year}");

        Assert.Contains("GK4007", after, StringComparison.Ordinal);
        Assert.Contains("（已于第 2 版确认）", after, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"uncertain\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"row\">⚠ ", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<caption>⚠ ", after, StringComparison.Ordinal);
        var row = overview[overview.IndexOf("<tr data-code=\"DEMO-ZJJ\">", StringComparison.Ordinal)..];
        Assert.DoesNotContain("处待确认", row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CsvAndXlsx_HaveThePagesUncertainCount()
    {
        using var session = await StaffSession.SignIn(factory, "supervisor");

        var page = await session.Client.GetStringAsync($"/staff/supervise?year={LastYear}");
        var csv = await session.Client.GetByteArrayAsync($"/staff/supervise?handler=Csv&year={LastYear}");
        var xlsx = await session.Client.GetByteArrayAsync($"/staff/supervise?handler=Xlsx&year={LastYear}");

        Assert.Equal(Encoding.UTF8.GetPreamble(), csv.Take(3));
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",得分,待确认", lines[0], StringComparison.Ordinal);
        var shown = Regex.Matches(page, "<tr data-code=\"([^\"]+)\">(?:(?!</tr>).)*?（(\\d+) 处待确认）", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.NotEmpty(shown);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(11, cells.Length);
            Assert.Equal(shown.GetValueOrDefault(cells[0], "0"), cells[10]);
        }

        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var shared = zip.GetEntry("xl/sharedStrings.xml");
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        Assert.Contains("待确认", new StreamReader(sheet.Open()).ReadToEnd() + (shared is null ? "" : new StreamReader(shared.Open()).ReadToEnd()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Supervisor_NoRegistrationLink_RegistrationPageSaysItOnlyReads_ClerkStillRegisters()
    {
        using var supervisor = await StaffSession.SignIn(factory, "supervisor");
        using var clerk = await StaffSession.SignIn(factory, "clerk");

        var queue = await supervisor.Client.GetStringAsync("/staff");
        var form = await supervisor.Client.GetAsync("/staff/cases/new");
        var formHtml = await form.Content.ReadAsStringAsync();
        var clerkQueue = await clerk.Client.GetStringAsync("/staff");
        var clerkForm = await clerk.Client.GetStringAsync("/staff/cases/new");

        Assert.DoesNotContain("href=\"/staff/cases/new\"", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Contains("监督人员只能查阅，不能登记申请。", formHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Form.Name\"", formHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/staff/cases/new\"", clerkQueue, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Name\"", clerkForm, StringComparison.Ordinal);
    }
}
