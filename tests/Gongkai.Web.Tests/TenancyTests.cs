using System.Globalization;
using System.Net;
using Gongkai.Domain.Applications;
using Gongkai.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// Isolation per page and endpoint (IDOR): an officer of 示例市教育局 (DEMO-JYJ) tries the demo office's (DEMO)
/// object ids on every staff page and the draft API, and sees or changes nothing of it; a supervisor of DEMO reads an
/// agency beneath but cannot act, and cannot read outside its tree; the installation administrator sees no cases.
/// </summary>
public sealed partial class TenancyTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private sealed record Foreign(Guid OpenCase, string OpenTracking, int OpenVersion, Guid ClosedCase, string ClosedTracking, Guid Review, int ReviewResult);

    private async Task<Foreign> DemoOfficeObjects()
    {
        using var _ = factory.CreateClient();
        await Task.CompletedTask;
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        var open = db.Applications.AsNoTracking().Where(a => a.AgencyCode == "DEMO" && a.State != (int)ApplicationState.Closed).OrderBy(a => a.TrackingNumber).First();
        var closed = db.Applications.AsNoTracking().Where(a => a.AgencyCode == "DEMO" && a.State == (int)ApplicationState.Closed && a.Outcome != null).OrderBy(a => a.TrackingNumber).First();
        var review = db.Reviews.AsNoTracking().Where(r => r.AgencyCode == "DEMO").OrderBy(r => r.FiledOn).First();
        return new Foreign(open.Id, open.TrackingNumber, open.Version, closed.Id, closed.TrackingNumber, review.Id, review.Result);
    }

    private (int Version, string? Officer, int ReviewResult) Now(Foreign f)
    {
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        var open = db.Applications.AsNoTracking().Single(a => a.Id == f.OpenCase);
        return (open.Version, open.AssignedOfficer, db.Reviews.AsNoTracking().Single(r => r.Id == f.Review).Result);
    }

    /// <summary>The one mechanism covers every staff page and staff API the app maps, not only those tested above.</summary>
    [Fact]
    public void EveryStaffEndpoint_RunsScopedToTheOfficersAgency_PublicOnesUnscoped()
    {
        using var _ = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().ToList();
        var officer = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.Name, "x.clerk"), new(System.Security.Claims.ClaimTypes.Role, "clerk"), new("agency", "X")], "test"));
        string? ScopeOf(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint)
        {
            var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { User = officer };
            http.SetEndpoint(endpoint);
            return new Hosting.StaffScope(new Microsoft.AspNetCore.Http.HttpContextAccessor { HttpContext = http }).Agency;
        }

        var staff = endpoints.Where(e => e.RoutePattern.RawText is { } route
            && (route.StartsWith("staff", StringComparison.OrdinalIgnoreCase) || route.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) || route.EndsWith("/draft", StringComparison.Ordinal))
            && !route.Contains("login", StringComparison.OrdinalIgnoreCase)).ToList();
        var pub = endpoints.Where(e => e.RoutePattern.RawText is "Apply" or "Status" or "Reports" or "/api/applications/" or "/api/reports/{agency}/{year:int}").ToList();

        Assert.True(staff.Count >= 10, string.Join(", ", staff.Select(e => e.RoutePattern.RawText)));
        Assert.All(staff, e => Assert.True(ScopeOf(e) == "X", e.RoutePattern.RawText));
        Assert.True(pub.Count >= 4, string.Join(", ", endpoints.Select(e => e.RoutePattern.RawText)));
        Assert.All(pub, e => Assert.Null(ScopeOf(e)));
    }

    [Fact]
    public async Task Officer_OtherAgencysCaseNoticesAndQueue_NotFoundOrAbsent()
    {
        var f = await DemoOfficeObjects();
        using var clerk = await StaffSession.SignIn(factory, "jyj.clerk");

        var queue = await clerk.Client.GetStringAsync("/staff?state=all");
        var closedQueue = await clerk.Client.GetStringAsync("/staff?state=Closed");
        Assert.Contains("DEMO-JYJ", queue, StringComparison.Ordinal);
        Assert.DoesNotContain(f.OpenTracking, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(f.ClosedTracking, closedQueue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/staff/cases/{f.OpenCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/staff/cases/{f.ClosedCase}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/staff/cases/{f.ClosedCase}/notices/reply")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync($"/staff/cases/{f.ClosedCase}/notices/receipt?format=docx")).StatusCode);
    }

    [Fact]
    public async Task Officer_ActsOnOtherAgencysCaseAndReview_NothingChanges()
    {
        var f = await DemoOfficeObjects();
        var before = Now(f);
        using var head = await StaffSession.SignIn(factory, "jyj.head");
        var (ownUrl, _) = await head.RegisterCase();
        var foreignUrl = $"/staff/cases/{f.OpenCase}";

        // The antiforgery token comes from the officer's own case page; the ids are the other agency's.
        var act = await head.Post(ownUrl, foreignUrl + "?handler=Act", new()
        {
            ["version"] = f.OpenVersion.ToString(CultureInfo.InvariantCulture),
            ["Action"] = "Extend",
            ["Days"] = "10",
            ["Text"] = "越权",
            ["On"] = StaffSession.Today,
        });
        var assign = await head.Post(ownUrl, foreignUrl + "?handler=Assign", new() { ["officer"] = "jyj.clerk" });
        var review = await head.Post("/staff/reviews", "/staff/reviews?handler=Result", new()
        {
            ["id"] = f.Review.ToString(),
            ["result"] = "Corrected",
            ["decidedOn"] = StaffSession.Today,
        });
        var reviewForeignCase = await head.Post("/staff/reviews", "/staff/reviews?handler=Add", new()
        {
            ["Tracking"] = f.OpenTracking,
            ["kind"] = "Reconsideration",
            ["filedOn"] = StaffSession.Today,
        });

        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Contains($"没有受理编号为“{f.OpenTracking}”的申请", await reviewForeignCase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Now(f));
    }

    [Fact]
    public async Task Officer_ReviewsReportsCellsAuditDraft_OnlyOwnAgency()
    {
        var f = await DemoOfficeObjects();
        var year = TimeProvider.System.GetUtcNow().Year - 1;
        using var head = await StaffSession.SignIn(factory, "jyj.head");

        var reviews = await head.Client.GetStringAsync("/staff/reviews");
        var workspace = await head.Client.GetStringAsync($"/staff/reports/{year}");
        var cells = await head.Client.GetStringAsync($"/staff/reports/{year}/cases?row=apps.new_received&col=total");
        var audit = await head.Client.GetStringAsync("/staff/audit?actor=clerk");
        var ownDraft = await head.Client.GetAsync($"/api/reports/DEMO-JYJ/{year}/draft");
        var foreignDraft = await head.Client.GetAsync($"/api/reports/DEMO/{year}/draft");

        Assert.DoesNotContain(f.Review.ToString(), reviews, StringComparison.Ordinal);
        Assert.Contains("示例市教育局", workspace, StringComparison.Ordinal);
        Assert.DoesNotContain("示例市人民政府办公室", workspace, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"DEMO-\d", cells);
        Assert.Matches(@"DEMO-JYJ-\d", cells);
        Assert.DoesNotContain("<td>clerk</td>", audit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ownDraft.StatusCode);
        Assert.Contains("示例市教育局", await ownDraft.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, foreignDraft.StatusCode);
    }

    [Fact]
    public async Task Supervisor_ReadsAgencyBeneath_CannotAct_CannotLeaveItsTree()
    {
        var f = await DemoOfficeObjects();
        string jyjCase;
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            jyjCase = db.Applications.AsNoTracking().Where(a => a.AgencyCode == "DEMO-JYJ" && a.State != (int)ApplicationState.Closed).OrderBy(a => a.TrackingNumber).Select(a => a.Id.ToString()).First();
            if (!db.Agencies.Any(a => a.Code == "ELSEWHERE"))
            {
                db.Agencies.Add(new Persistence.Entities.AgencyRow { Code = "ELSEWHERE", Name = "另一市人民政府办公室" });
                db.SaveChanges();
            }
        }

        using var supervisor = await StaffSession.SignIn(factory, "supervisor");
        var own = await supervisor.Client.GetStringAsync("/staff?state=all");
        Assert.Contains(f.OpenTracking, own, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "DEMO-JYJ" })).StatusCode);
        var beneath = await supervisor.Client.GetStringAsync("/staff?state=all");
        var casePage = await supervisor.Client.GetAsync($"/staff/cases/{jyjCase}");
        Assert.Contains("DEMO-JYJ", beneath, StringComparison.Ordinal);
        Assert.DoesNotContain(f.OpenTracking, beneath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);

        var act = await supervisor.Post($"/staff/cases/{jyjCase}", $"/staff/cases/{jyjCase}?handler=Assign", new() { ["officer"] = "jyj.clerk" });
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "ELSEWHERE" })).StatusCode);

        // A forged cookie naming an agency outside its tree falls back to its own agency.
        using var forged = await StaffSession.SignIn(factory, "supervisor");
        forged.Client.DefaultRequestHeaders.Add("Cookie", "gongkai.view=ELSEWHERE");
        var outside = await forged.Client.GetStringAsync("/staff?state=all");
        Assert.Contains(f.OpenTracking, outside, StringComparison.Ordinal);
    }

    /// <summary>
    /// A newcomer's tour (2 December): the supervisor, reading a case of its own agency, was shown every action form, the
    /// assignment form and the upload form (each refused with 403 once posted), and was offered as an assignee to the
    /// agency's officers. Now it reads without forms, its posts still answer 403 in Chinese, and no list offers it.
    /// </summary>
    [Fact]
    public async Task Supervisor_ReadsCaseAndQueueWithoutWriteControls_PostsRefused_NeverAnAssignee()
    {
        var f = await DemoOfficeObjects();
        var before = Now(f);
        var caseUrl = $"/staff/cases/{f.OpenCase}";

        using var supervisor = await StaffSession.SignIn(factory, "supervisor");
        var page = await supervisor.Client.GetStringAsync(caseUrl);
        var queue = await supervisor.Client.GetStringAsync("/staff?state=all");

        Assert.Contains(f.OpenTracking, page, StringComparison.Ordinal);
        Assert.Contains("id=\"read-only\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Act", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Assign", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"attachment-upload\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("登记行政复议或行政诉讼", page, StringComparison.Ordinal);
        Assert.Contains(f.OpenTracking, queue, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"bulk\"", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"pick\"", queue, StringComparison.Ordinal);

        // The handlers refuse it whatever the page shows: 403 with the Chinese page, nothing saved.
        var act = await supervisor.Post(caseUrl, caseUrl + "?handler=Act", new()
        {
            ["version"] = f.OpenVersion.ToString(CultureInfo.InvariantCulture),
            ["Action"] = "Decide",
            ["Outcome"] = "Granted",
            ["Text"] = "监督人员越权办结",
            ["On"] = StaffSession.Today,
        });
        var assign = await supervisor.Post(caseUrl, caseUrl + "?handler=Assign", new() { ["officer"] = "clerk" });
        var upload = await supervisor.Post(caseUrl, caseUrl + "/attachments", new() { ["Purpose"] = "Reply" });
        var bulk = await supervisor.Post("/staff", "/staff?handler=Assign", new() { ["ids"] = f.OpenCase.ToString(), ["assignTo"] = "clerk" });
        Assert.All(new[] { act, assign, upload, bulk }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Contains("监督人员只能查阅", await act.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The agency's own officers are not offered the supervisor, and a forged post naming it is refused.
        using var head = await StaffSession.SignIn(factory, "head");
        var headCase = await head.Client.GetStringAsync(caseUrl);
        var headQueue = await head.Client.GetStringAsync("/staff");
        Assert.Contains("<option value=\"clerk\"", headCase, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"supervisor\"", headCase, StringComparison.Ordinal);
        Assert.Contains("id=\"bulk\"", headQueue, StringComparison.Ordinal);
        var bulkOptions = headQueue[headQueue.IndexOf("id=\"bulk\"", StringComparison.Ordinal)..headQueue.IndexOf("id=\"queue\"", StringComparison.Ordinal)];
        Assert.Contains("<option value=\"clerk\"", bulkOptions, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"supervisor\"", bulkOptions, StringComparison.Ordinal);

        var toSupervisor = await head.Post(caseUrl, caseUrl + "?handler=Assign", new() { ["officer"] = "supervisor" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, toSupervisor.StatusCode);
        Assert.Contains("监督人员只查阅不办理", await toSupervisor.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, Now(f));
    }

    /// <summary>What a staff page shows a supervisor reading an agency beneath its own.</summary>
    public enum Shows
    {
        /// <summary>The page's write forms are replaced by the read-only note (<c>_ReadOnly</c>); an officer of the agency gets the forms.</summary>
        ReadOnlyNote,

        /// <summary>A page that only reads: no form that posts.</summary>
        NoForm,

        /// <summary>A page whose posts every role may make (<c>NotCasework</c>: one's password, the choice of agency, the supervisor's own work).</summary>
        OwnForms,

        /// <summary>Refused outright (the status says so: 403, 404, or 302 to the page saying so); no form.</summary>
        Refused,
    }

    /// <summary>
    /// A supervisor reading an agency beneath its own walks every staff page: each answers what it should, and no page
    /// shows a form whose post would be refused (<c>CaseworkOnly</c>: 403) — the 复议诉讼 page, the registry, the report
    /// workspace and /staff/email showed their forms, and the sign-in page a form whose post was refused. Where an
    /// officer has forms, the supervisor reads the note that it only reads. The table covers every staff page the app
    /// maps, so a page added later is walked too.
    /// </summary>
    [Fact]
    public async Task Supervisor_WalksEveryStaffPage_ReadOnlyNoteInsteadOfFormsItCannotPost()
    {
        using var _ = factory.CreateClient();
        var year = TimeProvider.System.GetUtcNow().Year - 1;
        Guid open, closed;
        using (var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db")))
        {
            var jyj = db.Applications.AsNoTracking().Where(a => a.AgencyCode == "DEMO-JYJ").OrderBy(a => a.TrackingNumber);
            open = jyj.First(a => a.State != (int)ApplicationState.Closed).Id;
            closed = jyj.First(a => a.State == (int)ApplicationState.Closed && a.Outcome != null).Id;
        }

        using var officer = await StaffSession.SignIn(factory, "jyj.head");
        var drafted = await officer.Post("/staff/registry/new", "/staff/registry/new", new()
        {
            ["Form.Title"] = "关于监督人员只读查看的说明",
            ["Form.Category"] = "NormativeDocument",
            ["Form.FormedOn"] = StaffSession.Today,
            ["Form.Mode"] = "Proactive",
            ["Form.Validity"] = "InForce",
            ["Form.Body"] = "正文",
        });
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var document = drafted.Headers.Location!.OriginalString;

        using var supervisor = await StaffSession.SignIn(factory, "supervisor");
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "DEMO-JYJ" })).StatusCode);

        var pages = new (string Page, string Url, HttpStatusCode Status, Shows Shows)[]
        {
            ("/Staff/Index", "/staff?state=all", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Case", $"/staff/cases/{open}", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/CaseAttachment", $"/staff/cases/{open}/attachments/{Guid.NewGuid()}", HttpStatusCode.NotFound, Shows.Refused),
            ("/Staff/NewCase", "/staff/cases/new", HttpStatusCode.Forbidden, Shows.ReadOnlyNote),
            ("/Staff/Notice", $"/staff/cases/{closed}/notices/reply", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Reviews", "/staff/reviews", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Registry/Index", "/staff/registry", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Registry/New", "/staff/registry/new", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Registry/Import", "/staff/registry/import", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Registry/Document", document, HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Registry/ReportCell", $"/staff/reports/{year}/registry?key=proactive.art20_1.regulations.issued", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Reports", $"/staff/reports/{year}", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/ReportCell", $"/staff/reports/{year}/cases?row=apps.new_received&col=total", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Outbox", "/staff/outbox", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Email", "/staff/email", HttpStatusCode.OK, Shows.ReadOnlyNote),
            ("/Staff/Audit", "/staff/audit", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Password", "/staff/password", HttpStatusCode.OK, Shows.OwnForms),
            ("/Staff/View", "/staff/view", HttpStatusCode.OK, Shows.OwnForms),
            ("/Staff/Login", "/staff/login", HttpStatusCode.OK, Shows.OwnForms),
            ("/Staff/Logout", "/staff/logout", HttpStatusCode.OK, Shows.OwnForms),
            ("/Staff/Denied", "/staff/denied", HttpStatusCode.Forbidden, Shows.Refused),
            ("/Staff/Users", "/staff/users", HttpStatusCode.Redirect, Shows.Refused),
            ("/Staff/Settings", "/staff/settings", HttpStatusCode.Redirect, Shows.Refused),
            ("/Staff/Agencies", "/staff/agencies", HttpStatusCode.Redirect, Shows.Refused),
            ("/Staff/Calendar", "/staff/calendar", HttpStatusCode.Redirect, Shows.Refused),
            ("/Staff/Supervise/Index", $"/staff/supervise?year={year}", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Supervise/Report", $"/staff/supervise/report?agency=DEMO-JYJ&year={year}", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Supervise/Rollup", $"/staff/supervise/rollup?year={year}", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Supervise/Compare", $"/staff/supervise/compare?year={year}", HttpStatusCode.OK, Shows.NoForm),
            ("/Staff/Supervise/Collect", $"/staff/supervise/collect?year={year}", HttpStatusCode.OK, Shows.OwnForms),
            ("/Staff/Supervise/Confirm", $"/staff/supervise/confirm?agency=DEMO-CZJ&year={year}", HttpStatusCode.OK, Shows.OwnForms),
            ("/Staff/Supervise/Reminders", $"/staff/supervise/reminders?year={year}", HttpStatusCode.OK, Shows.OwnForms),
        };

        // Every staff page the app maps is in the table.
        var mapped = factory.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>().Select(d => d.ViewEnginePath)
            .Where(p => p.StartsWith("/Staff/", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(mapped, pages.Select(p => p.Page).Order(StringComparer.Ordinal).ToList());

        var problems = new List<string>();
        foreach (var (name, url, status, shows) in pages)
        {
            using var response = await supervisor.Client.GetAsync(url);
            var main = MainOf(await response.Content.ReadAsStringAsync());
            var forms = PostForm().Count(main);
            var note = main.Contains("id=\"read-only\"", StringComparison.Ordinal);
            if (response.StatusCode != status)
            {
                problems.Add($"{name} {url}: {(int)response.StatusCode}, expected {(int)status}");
            }

            // A page whose posts are refused shows no form that posts; the note where an officer has forms.
            if (shows != Shows.OwnForms && forms > 0)
            {
                problems.Add($"{name} {url}: {forms} form(s) that post, refused to a supervisor");
            }

            if (shows == Shows.ReadOnlyNote && !note)
            {
                problems.Add($"{name} {url}: no read-only note");
            }

            // The note stands where an officer has forms (or, on the registry's list, the links to drafting and importing).
            var officers = shows == Shows.ReadOnlyNote ? MainOf(await officer.Client.GetStringAsync(url)) : string.Empty;
            if (shows == Shows.ReadOnlyNote && PostForm().Count(officers) == 0 && !officers.Contains("href=\"/staff/registry/new\"", StringComparison.Ordinal))
            {
                problems.Add($"{name} {url}: the officer has no form either (the note is for pages where one has)");
            }

            if (shows == Shows.ReadOnlyNote && (main.Contains("href=\"/staff/registry/new\"", StringComparison.Ordinal) || main.Contains("href=\"/staff/registry/import\"", StringComparison.Ordinal)))
            {
                problems.Add($"{name} {url}: links a supervisor to drafting or importing");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));

        // The pages that show a supervisor forms are those whose posts it may make; the others are still refused.
        Assert.All(pages.Where(p => p.Shows == Shows.OwnForms), p => Assert.True(NotCasework(p.Page), p.Page));
        Assert.All(pages.Where(p => p.Shows == Shows.ReadOnlyNote), p => Assert.False(NotCasework(p.Page), p.Page));
        var refused = await supervisor.Post("/staff/reviews", "/staff/reviews?handler=Add", new() { ["kind"] = "Reconsideration", ["filedOn"] = StaffSession.Today });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private static string MainOf(string page) =>
        page.IndexOf("<main", StringComparison.Ordinal) is var start and >= 0 ? page[start..page.IndexOf("</main>", start, StringComparison.Ordinal)] : page;

    /// <summary>Whether the page's model is marked <c>NotCasework</c> (every role may post to it).</summary>
    private static bool NotCasework(string page)
    {
        var item = new Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemLoader().LoadItems(typeof(Hosting.StaffScope).Assembly)
            .Single(i => i.Identifier == "/Pages" + page + ".cshtml");
        var model = item.Type.GetProperty("Model")?.PropertyType ?? item.Type;
        return model.GetCustomAttributes(typeof(Hosting.NotCaseworkAttribute), inherit: true).Length > 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<form[^>]*method=\"post\"", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PostForm();

    [Fact]
    public async Task InstallationAdmin_SeesNoCases()
    {
        var f = await DemoOfficeObjects();
        using var admin = await StaffSession.SignIn(factory, "sysadmin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/staff/cases/{f.OpenCase}")).StatusCode);
        Assert.DoesNotContain(f.OpenTracking, await admin.Client.GetStringAsync("/staff?state=all"), StringComparison.Ordinal);
    }
}
