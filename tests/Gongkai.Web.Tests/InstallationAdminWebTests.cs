using System.Net;
using System.Text;
using Gongkai.Persistence;

namespace Gongkai.Web.Tests;

/// <summary>
/// The installation administrator (sysadmin) at work on the web: 机关管理 and any agency's guide. Its request context is
/// read-only (it acts on no cases); these pages write the installation's data through their own context.
/// </summary>
public sealed class InstallationAdminWebTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static int LastYear => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;

    private GongkaiDbContext Db() => Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));

    [Fact]
    public async Task Agencies_AddMoveClose_Written_Audited()
    {
        using var admin = await StaffSession.SignIn(factory, "sysadmin");

        var added = await admin.Post("/staff/agencies", "/staff/agencies?handler=Add", new() { ["code"] = "DEMO-NEW", ["name"] = "示例市新设局", ["parent"] = "DEMO" });
        var moved = await admin.Post("/staff/agencies", "/staff/agencies?handler=Move", new() { ["code"] = "DEMO-NEW", ["parent"] = "DEMO-DQ" });
        var closed = await admin.Post("/staff/agencies", "/staff/agencies?handler=Close", new() { ["code"] = "DEMO-NEW" });
        var refused = await admin.Post("/staff/agencies", "/staff/agencies?handler=Add", new() { ["code"] = "DEMO-NEW", ["name"] = "重复", ["parent"] = "DEMO" });

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect], new[] { added.StatusCode, moved.StatusCode, closed.StatusCode });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var db = Db();
        var row = db.Agencies.Single(a => a.Code == "DEMO-NEW");
        Assert.Equal(("示例市新设局", "DEMO-DQ"), (row.Name, row.ParentCode));
        Assert.NotNull(row.ClosedOn);
        Assert.Equal(["agency.add", "agency.move", "agency.close", "agency.add"], db.Audit.Where(a => a.Actor == "sysadmin" && a.Target == "DEMO-NEW").OrderBy(a => a.Id).Select(a => a.Action).ToList());
    }

    [Fact]
    public async Task Settings_AnotherAgencysGuide_Saved_AnAddressThatIsNoAddressRefused()
    {
        using var admin = await StaffSession.SignIn(factory, "sysadmin");

        var saved = await admin.Post("/staff/settings?agency=DEMO-JYJ", "/staff/settings?agency=DEMO-JYJ", new() { ["Phone"] = "0000-7654321", ["Email"] = "gk@jyj.example.gov.cn" });
        var bad = await admin.Post("/staff/settings?agency=DEMO-JYJ", "/staff/settings?agency=DEMO-JYJ", new() { ["Phone"] = "0000-1111111", ["Email"] = "not-an-email" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("“电子邮箱”不是有效的电子邮件地址：not-an-email", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var db = Db();
        var guide = db.AgencyGuides.Single(g => g.AgencyCode == "DEMO-JYJ");
        Assert.Equal(("0000-7654321", "gk@jyj.example.gov.cn", "sysadmin"), (guide.Phone, guide.Email, guide.UpdatedBy));
    }

    [Fact]
    public async Task OverviewCsv_AnAgencyNamedLikeAFormula_WrittenAsText()
    {
        using (var admin = await StaffSession.SignIn(factory, "sysadmin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/agencies", "/staff/agencies?handler=Add", new() { ["code"] = "DEMO-F", ["name"] = "=1+1示例局", ["parent"] = "DEMO" })).StatusCode);
        }

        using var supervisor = await StaffSession.SignIn(factory, "supervisor");
        var csv = Encoding.UTF8.GetString(await supervisor.Client.GetByteArrayAsync($"/staff/supervise?handler=Csv&year={LastYear}"));

        Assert.Contains("\r\nDEMO-F,'=1+1示例局,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=1+1", csv, StringComparison.Ordinal);
    }
}
