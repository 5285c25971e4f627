using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Issue 11 item 9: a synchronous database call holds a thread-pool thread for the whole round trip; on PostgreSQL,
/// after a restart, 50 such requests starved the pool for 12 s. A tour of the public pages, the API, the report
/// workspace, the administration pages and the supervisor's pages and API (reads and writes) must execute every command through EF Core's async API.
/// </summary>
public sealed class SyncDatabaseCallTests
{
    private static readonly int LastYear = TimeProvider.System.GetUtcNow().Year - 1;

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Tour_PublicAdminAndReportPages_NoSynchronousDatabaseCommand(string provider)
    {
        using var counter = new SyncCommandCounter();
        var (factory, postgres) = counter.Host(provider);
        using var database = postgres;
        using var _ = factory;
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var year = LastYear.ToString(CultureInfo.InvariantCulture);

        // Public pages and the API.
        var applied = await anonymous.PostAsJsonAsync("/api/applications", ApiTests.ValidForm);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var created = await applied.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var tracking = created.GetProperty("trackingNumber").GetString()!;
        var code = created.GetProperty("accessCode").GetString()!;
        foreach (var url in new[]
        {
            "/", "/agencies/DEMO", "/agencies/DEMO/apply", "/apply", "/status", "/reports", $"/reports/DEMO/{year}", "/catalogue", "/catalogue?q=%E9%80%9A%E7%9F%A5", "/catalogue/feed",
            $"/api/applications/{tracking}/status?code={code}", "/api/reports", $"/api/reports/DEMO/{year}", $"/api/reports/DEMO/{year}/versions", "/healthz",
        })
        {
            var response = await anonymous.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
        }

        using var status = StaffSession.For(anonymous);
        Assert.Equal(HttpStatusCode.OK, (await status.Post("/status", "/status", new() { ["Number"] = tracking, ["Code"] = code })).StatusCode);

        // The report workspace, the administration pages and the registry, as the agency's head and administrators.
        using var head = await StaffSession.SignIn(factory, "head");
        foreach (var url in new[]
        {
            $"/staff/reports/{year}", $"/staff/reports/{year}?format=preview", $"/staff/reports/{year}/cases?row=ResultGranted&col=NaturalPerson", $"/staff/reports/{year}/registry",
            "/staff/reviews", "/staff/cases/new", "/staff/password", "/staff/audit", "/staff/outbox", "/staff/registry", "/staff/registry/new", "/staff/registry/import",
            $"/api/reports/DEMO/{year}/draft",
        })
        {
            var response = await head.Client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
        }

        // The queue and the case page (reworked, async, in their own change).
        var (caseUrl, _) = await head.RegisterCase();
        foreach (var url in new[] { "/staff", caseUrl })
        {
            Assert.Equal(HttpStatusCode.OK, (await head.Client.GetAsync(url)).StatusCode);
        }

        var drafted = await head.DraftDocument("关于巡游路线的通知", $"{year}-03-01", "正文。");
        Assert.Equal(HttpStatusCode.OK, (await head.Client.GetAsync(drafted)).StatusCode);

        var page = await head.Client.GetStringAsync($"/staff/reports/{year}");
        var draftVersion = System.Text.RegularExpressions.Regex.Match(page, "name=\"draftVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await head.Post($"/staff/reports/{year}", $"/staff/reports/{year}?handler=Save", new() { ["draftVersion"] = draftVersion, ["overview"] = "概述。" });
        Assert.True((int)saved.StatusCode < 500, saved.StatusCode.ToString());

        using var admin = await StaffSession.SignIn(factory, "admin");
        foreach (var url in new[] { "/staff/users", "/staff/settings", "/staff/calendar" })
        {
            var response = await admin.Client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
        }

        var added = await admin.Post("/staff/users", "/staff/users?handler=Add", new() { ["userName"] = "tour.clerk", ["role"] = "Clerk", ["password"] = "Tour-Passw0rd-2026" });
        Assert.True((int)added.StatusCode < 500, added.StatusCode.ToString());

        using var sysadmin = await StaffSession.SignIn(factory, "sysadmin");
        foreach (var url in new[] { "/staff/agencies", "/staff/users?agency=DEMO-JYJ" })
        {
            var response = await sysadmin.Client.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {response.StatusCode}");
        }

        using var supervisor = await StaffSession.SignIn(factory, "supervisor");
        Assert.True((int)(await supervisor.Client.GetAsync("/staff/view")).StatusCode < 500);

        // The supervisor's pages and API (reads, downloads, and every write: collect, confirm, reminders).
        var cell = Uri.EscapeDataString("三/apps.new_received/total");
        foreach (var url in new[]
        {
            $"/staff/supervise?year={year}", $"/staff/supervise?handler=Csv&year={year}", $"/staff/supervise?handler=Xlsx&year={year}&level=County",
            $"/staff/supervise/compare?year={year}", $"/staff/supervise/compare?agency=DEMO-CZJ&year={year}",
            $"/staff/supervise/rollup?year={year}", $"/staff/supervise/rollup?year={year}&cell={cell}", $"/staff/supervise/rollup?handler=Download&format=json&year={year}",
            $"/staff/supervise/rollup?handler=Download&format=docx&year={year}", $"/staff/supervise/reminders?year={year}",
            $"/staff/supervise/confirm?agency=DEMO-CZJ&year={year}", $"/staff/supervise/confirm?handler=Source&agency=DEMO-CZJ&year={year}",
            $"/api/supervise/DEMO/{year}", $"/api/supervise/DEMO/{year}/contributions", $"/api/supervise/DEMO/{year}/contributions?cell={cell}", $"/api/supervise/NOWHERE/{year}",
        })
        {
            var response = await supervisor.Client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{url}: {response.StatusCode}");
        }

        var collectPage = await supervisor.Client.GetStringAsync($"/staff/supervise/collect?year={year}");
        var report = Gongkai.Testing.RandomReports.Create(5, Gongkai.Domain.Reports.ReportEdition.Edition2021);
        report.Agency = "示例市住房和城乡建设局";
        report.Year = LastYear;
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(StaffSession.TokenRegex().Match(collectPage).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Gongkai.Reporting.Rendering.ReportRenderer.RenderToString(report, Gongkai.Reporting.Rendering.RenderFormat.Html))), "files", "zjj.html" },
        })
        {
            var collected = await (await supervisor.Client.PostAsync($"/staff/supervise/collect?year={year}", form)).Content.ReadAsStringAsync();
            Assert.Contains("zjj.html：已归档", collected, StringComparison.Ordinal);
        }

        var confirmUrl = $"/staff/supervise/confirm?agency=DEMO-ZJJ&year={year}";
        var confirmPage = await supervisor.Client.GetStringAsync(confirmUrl);
        var fields = new Dictionary<string, string> { ["number"] = "1", ["note"] = "已与原件核对" };
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(confirmPage, "<input name=\"([apr]:[^\"]+)\" value=\"([^\"]*)\""))
        {
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Post(confirmUrl, confirmUrl, fields)).StatusCode);
        var remindersUrl = $"/staff/supervise/reminders?year={year}";
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Post(remindersUrl, $"/staff/supervise/reminders?handler=Send&year={year}", [])).StatusCode);

        Assert.True(counter.Commands > 50, $"the counter saw only {counter.Commands} commands");
        Assert.True(counter.Synchronous.Count == 0, string.Join("\n", counter.Synchronous.Distinct()));
    }
}
