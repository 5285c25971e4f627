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

    /// <summary>
    /// The rows of the queue (every state) found by a tracking number: the demo data is made relative to today's date in
    /// China, so the first page of 100 rows holds a given case on some days and not on others (it failed at 00:05 on
    /// 4 December, Beijing time); a search finds it whatever the day. The search box and the sort links echo the number, so only the table's body is returned.
    /// </summary>
    private static async Task<string> QueueRowsFor(StaffSession session, string tracking)
    {
        var page = await session.Client.GetStringAsync("/staff?state=all&q=" + Uri.EscapeDataString(tracking));
        var table = page.IndexOf("id=\"queue\"", StringComparison.Ordinal);
        var start = table < 0 ? -1 : page.IndexOf("<tbody", table, StringComparison.Ordinal);
        return start < 0 ? string.Empty : page[start..page.IndexOf("</tbody>", start, StringComparison.Ordinal)];
    }

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
        Assert.DoesNotContain(f.OpenTracking, await QueueRowsFor(clerk, f.OpenTracking), StringComparison.Ordinal);
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
        Assert.DoesNotContain("（clerk）</td>", audit, StringComparison.Ordinal);
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
        Assert.Contains(f.OpenTracking, await QueueRowsFor(supervisor, f.OpenTracking), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "DEMO-JYJ" })).StatusCode);
        var beneath = await supervisor.Client.GetStringAsync("/staff?state=all");
        var casePage = await supervisor.Client.GetAsync($"/staff/cases/{jyjCase}");
        Assert.Contains("DEMO-JYJ", beneath, StringComparison.Ordinal);
        Assert.DoesNotContain(f.OpenTracking, await QueueRowsFor(supervisor, f.OpenTracking), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, casePage.StatusCode);

        var act = await supervisor.Post($"/staff/cases/{jyjCase}", $"/staff/cases/{jyjCase}?handler=Assign", new() { ["officer"] = "jyj.clerk" });
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "ELSEWHERE" })).StatusCode);

        // A forged cookie naming an agency outside its tree falls back to its own agency.
        using var forged = await StaffSession.SignIn(factory, "supervisor");
        forged.Client.DefaultRequestHeaders.Add("Cookie", "gongkai.view=ELSEWHERE");
        Assert.Contains(f.OpenTracking, await QueueRowsFor(forged, f.OpenTracking), StringComparison.Ordinal);
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
        Assert.Contains(f.OpenTracking, await QueueRowsFor(supervisor, f.OpenTracking), StringComparison.Ordinal);
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

    [Fact]
    public async Task InstallationAdmin_SeesNoCases()
    {
        var f = await DemoOfficeObjects();
        using var admin = await StaffSession.SignIn(factory, "sysadmin");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync($"/staff/cases/{f.OpenCase}")).StatusCode);
        Assert.DoesNotContain(f.OpenTracking, await admin.Client.GetStringAsync("/staff?state=all"), StringComparison.Ordinal);
    }
}
