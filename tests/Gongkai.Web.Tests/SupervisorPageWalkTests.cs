using System.Net;
using Gongkai.Domain.Applications;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// A supervisor of the demo city (DEMO) reading 示例市教育局 (DEMO-JYJ), page by page: what each staff page answers and
/// whether it shows forms the supervisor could not post. The isolation of agencies is <see cref="TenancyTests"/>.
/// </summary>
public sealed partial class SupervisorPageWalkTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
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
        var document = await officer.DraftDocument("关于监督人员只读查看的说明");

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
}
