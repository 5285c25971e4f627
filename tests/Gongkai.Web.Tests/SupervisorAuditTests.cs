using System.Net;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;

namespace Gongkai.Web.Tests;

/// <summary>
/// The audit log by role and agency (IDOR): a supervisor of the demo office (DEMO) reads the audit of an agency beneath
/// it (DEMO-JYJ) by choosing it, never of an agency outside its tree, whatever it posts or forges; heads read their own
/// agency's only (the view cookie means nothing to them); clerks not at all.
/// </summary>
public sealed class SupervisorAuditTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    /// <summary>Sign-ins in DEMO and DEMO-JYJ (each audited in its agency) and an entry of an agency outside DEMO's tree.</summary>
    private async Task Entries()
    {
        (await StaffSession.SignIn(factory, "clerk")).Dispose();
        (await StaffSession.SignIn(factory, "jyj.clerk")).Dispose();
        using var db = Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));
        if (!db.Agencies.Any(a => a.Code == "ELSEWHERE"))
        {
            db.Agencies.Add(new AgencyRow { Code = "ELSEWHERE", Name = "另一市人民政府办公室" });
            db.Audit.Add(new AuditRow { Actor = "elsewhere.clerk", AgencyCode = "ELSEWHERE", Action = "sign_in", Target = "elsewhere.clerk", Detail = string.Empty });
            db.SaveChanges();
        }
    }

    /// <summary>Whether an entry of <paramref name="actor"/> is listed: by its login name alone, or after its display name.</summary>
    private static bool Shows(string page, string actor) =>
        page.Contains($"<td>{actor}</td>", StringComparison.Ordinal) || page.Contains($"（{actor}）</td>", StringComparison.Ordinal);

    [Fact]
    public async Task Supervisor_ReadsAuditBeneath_NeverOutsideItsTree()
    {
        await Entries();
        using var supervisor = await StaffSession.SignIn(factory, "supervisor");

        var own = await supervisor.Client.GetAsync("/staff/audit");
        var ownPage = await own.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(Shows(ownPage, "clerk"));
        Assert.False(Shows(ownPage, "jyj.clerk"));
        Assert.False(Shows(ownPage, "elsewhere.clerk"));

        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "DEMO-JYJ" })).StatusCode);
        var beneath = await supervisor.Client.GetStringAsync("/staff/audit");
        Assert.True(Shows(beneath, "jyj.clerk"));
        Assert.False(Shows(beneath, "clerk"));
        // The filters select within the agency viewed, never past it.
        Assert.False(Shows(await supervisor.Client.GetStringAsync("/staff/audit?actor=clerk"), "clerk"));
        Assert.False(Shows(await supervisor.Client.GetStringAsync("/staff/audit?actor=elsewhere.clerk"), "elsewhere.clerk"));

        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Post("/staff/view", "/staff/view", new() { ["agency"] = "ELSEWHERE" })).StatusCode);
        using var forged = await StaffSession.SignIn(factory, "supervisor");
        forged.Client.DefaultRequestHeaders.Add("Cookie", "gongkai.view=ELSEWHERE");
        var outside = await forged.Client.GetStringAsync("/staff/audit?actor=elsewhere.clerk");
        Assert.False(Shows(outside, "elsewhere.clerk"));
        Assert.True(Shows(await forged.Client.GetStringAsync("/staff/audit"), "clerk"));
    }

    [Fact]
    public async Task Head_OwnAgencyOnly_ViewCookieIgnored_ClerkRefused()
    {
        await Entries();
        using var head = await StaffSession.SignIn(factory, "jyj.head");
        head.Client.DefaultRequestHeaders.Add("Cookie", "gongkai.view=DEMO");

        var page = await head.Client.GetStringAsync("/staff/audit");
        Assert.True(Shows(page, "jyj.clerk"));
        Assert.False(Shows(page, "clerk"));
        Assert.False(Shows(await head.Client.GetStringAsync("/staff/audit?actor=clerk"), "clerk"));

        using var clerk = await StaffSession.SignIn(factory, "jyj.clerk");
        var refused = await clerk.Client.GetAsync("/staff/audit");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
