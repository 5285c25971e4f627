using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;

namespace Gongkai.Web.Tests;

/// <summary>The demo city through HTTP: the application's agency, the portal and guides, account administration, one's own password.</summary>
public sealed class OrganisationWebTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static object Form(string? agency) => new
    {
        agency,
        category = "NaturalPerson",
        name = "王五",
        idProof = "110101199001011237",
        contact = "13800000000",
        request = "本区2025年老旧小区改造项目清单",
    };

    private GongkaiDbContext Db() => Database.Open(Path.Combine(factory.DataDirectory, "gongkai.db"));

    [Fact]
    public async Task Api_SeveralAgenciesNoAgency_400NamingTheField()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/applications", Form(null));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("agency", problem.RootElement.GetProperty("errors").GetProperty("agency")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_UnknownOrClosedAgency_400()
    {
        using var client = factory.CreateClient();
        using (var db = Db())
        {
            if (!db.Agencies.Any(a => a.Code == "GONE"))
            {
                db.Agencies.Add(new AgencyRow { Code = "GONE", Name = "原示例市某局", ParentCode = "DEMO", ClosedOn = new DateOnly(2025, 12, 31) });
                db.SaveChanges();
            }
        }

        var unknown = await client.PostAsJsonAsync("/api/applications", Form("NOPE"));
        var closed = await client.PostAsJsonAsync("/api/applications", Form("GONE"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("没有代码为“NOPE”的机关", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("已撤销，不再受理申请", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AgencyGiven_CaseBelongsToIt()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/applications", Form("DEMO-JYJ"));
        using var receipt = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tracking = receipt.RootElement.GetProperty("trackingNumber").GetString()!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var db = Db();
        Assert.Equal("DEMO-JYJ", db.Applications.Single(a => a.TrackingNumber == tracking).AgencyCode);
    }

    [Fact]
    public async Task Portal_ListsTheCity_EachAgencyHasGuideFormAndReports()
    {
        using var client = factory.CreateClient();

        var portal = await client.GetStringAsync("/");
        var guide = await client.GetStringAsync("/agencies/DEMO-JYJ");
        var form = await client.GetStringAsync("/agencies/DEMO-JYJ/apply");
        var choice = await client.GetStringAsync("/apply");

        Assert.Equal(12, DemoAgencies.Count(code => portal.Contains($"href=\"/agencies/{code}\"", StringComparison.Ordinal)));
        Assert.Contains("href=\"/agencies/DEMO-DQ/apply\"", portal, StringComparison.Ordinal);
        Assert.Contains("href=\"/reports?agency=DEMO-WJW\"", portal, StringComparison.Ordinal);
        Assert.Contains("<h1>示例市教育局政府信息公开指南</h1>", guide, StringComparison.Ordinal);
        Assert.Contains("id=\"banner\"><a href=\"/agencies/DEMO-JYJ\">示例市教育局</a>", guide, StringComparison.Ordinal);
        Assert.Contains("id=\"agency-name\">示例市教育局<", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"DEMO-NQ\">示例市南区人民政府</option>", choice, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agencies/NOPE/apply")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/agencies/NOPE")).StatusCode);
    }

    private static readonly string[] DemoAgencies =
        ["DEMO", "DEMO-FGW", "DEMO-JYJ", "DEMO-GAJ", "DEMO-CZJ", "DEMO-ZRJ", "DEMO-HBJ", "DEMO-ZJJ", "DEMO-WJW", "DEMO-DQ", "DEMO-XQ", "DEMO-NQ"];

    [Fact]
    public async Task AgencyAdmin_EditsTheGuide_ShownOnItsPublicPageWithTheFooter()
    {
        using var admin = await StaffSession.SignIn(factory, "gaj.admin");
        var fields = new Dictionary<string, string>
        {
            ["Address"] = "示例市人民路 1 号",
            ["OfficeHours"] = "工作日 9:00–17:00",
            ["Phone"] = "0000-12345678",
            ["Fax"] = "0000-12345679",
            ["Website"] = "https://gaj.example.gov.cn",
            ["Remedies"] = "可向示例市人民政府申请行政复议。",
            ["IcpRecord"] = "示ICP备00000001号",
        };

        var saved = await admin.Post("/staff/settings", "/staff/settings", fields);
        using var client = factory.CreateClient();
        var guide = await client.GetStringAsync("/agencies/DEMO-GAJ");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("<dt>办公地址</dt><dd>示例市人民路 1 号</dd>", guide, StringComparison.Ordinal);
        Assert.Contains("<dt>传真号码</dt><dd>0000-12345679</dd>", guide, StringComparison.Ordinal);
        Assert.Contains("可向示例市人民政府申请行政复议。", guide, StringComparison.Ordinal);
        Assert.Contains("<span>示ICP备00000001号</span>", guide, StringComparison.Ordinal);
        Assert.Contains("<span>主办单位：示例市公安局</span>", guide, StringComparison.Ordinal);
        var other = await client.GetStringAsync("/agencies/DEMO-CZJ");
        Assert.DoesNotContain("示例市人民路 1 号", other, StringComparison.Ordinal);
        Assert.DoesNotContain("0000-12345679", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyAdmin_CreatesDisablesResetsAndChangesRole_OwnAgencyOnly()
    {
        using var admin = await StaffSession.SignIn(factory, "zjj.admin");

        var weak = await admin.Post("/staff/users", "/staff/users?handler=Add", new() { ["userName"] = "zjj.new", ["role"] = "Clerk", ["password"] = "1234567890" });
        var created = await admin.Post("/staff/users", "/staff/users?handler=Add", new() { ["userName"] = "zjj.new", ["displayName"] = "钱七", ["role"] = "Clerk", ["password"] = "Harbour-lights-58" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("常见密码", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.Client.GetStringAsync("/staff/users");
        Assert.Contains("<td>zjj.new</td><td>钱七</td><td>DEMO-ZJJ</td><td>办理人员</td>", list, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>clerk</td>", list, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Role", new() { ["userName"] = "zjj.new", ["role"] = "Head" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Disable", new() { ["userName"] = "zjj.new" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInStatus("zjj.new", "Harbour-lights-58")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Enable", new() { ["userName"] = "zjj.new" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Reset", new() { ["userName"] = "zjj.new", ["password"] = "Copper-kettle-61" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInStatus("zjj.new", "Copper-kettle-61")).StatusCode);

        var foreign = await admin.Post("/staff/users", "/staff/users?handler=Disable", new() { ["userName"] = "clerk" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Contains("找不到账户“clerk”", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var db = Db();
        var row = db.StaffUsers.Single(u => u.UserName == "zjj.new");
        Assert.Equal(1, row.Role);
        Assert.False(row.Disabled);
        Assert.False(db.StaffUsers.Single(u => u.UserName == "clerk").Disabled);
        Assert.Equal(5, db.Audit.Where(a => a.Actor == "zjj.admin" && a.Target == "zjj.new").AsEnumerable().Count(a => !a.Detail.StartsWith("拒绝", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Clerk_CannotOpenAccountAdministration()
    {
        using var clerk = await StaffSession.SignIn(factory, "jyj.clerk");

        var response = await clerk.Client.GetAsync("/staff/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyUser_ChangesOwnPassword_CurrentOneRequired()
    {
        using (var admin = await StaffSession.SignIn(factory, "hbj.admin"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.Post("/staff/users", "/staff/users?handler=Add", new() { ["userName"] = "hbj.sun", ["role"] = "Clerk", ["password"] = "Maple-window-24" })).StatusCode);
        }

        var user = await SignIn("hbj.sun", "Maple-window-24");
        var wrong = await user.Post("/staff/password", "/staff/password", new() { ["current"] = "Not-the-one-11", ["password"] = "Quiet-harbour-93", ["confirm"] = "Quiet-harbour-93" });
        var done = await user.Post("/staff/password", "/staff/password", new() { ["current"] = "Maple-window-24", ["password"] = "Quiet-harbour-93", ["confirm"] = "Quiet-harbour-93" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("当前密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInStatus("hbj.sun", "Maple-window-24")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInStatus("hbj.sun", "Quiet-harbour-93")).StatusCode);
    }

    /// <summary>Redirect: signed in; 200: the sign-in page again with the error.</summary>
    private async Task<HttpResponseMessage> SignInStatus(string user, string password)
    {
        using var session = await SignIn(user, password, expectSuccess: false);
        return session.LastResponse!;
    }

    private async Task<TestSession> SignIn(string user, string password, bool expectSuccess = true)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var session = new TestSession(client);
        var page = await client.GetStringAsync("/staff/login");
        var token = StaffSession.TokenRegex().Match(page).Groups[1].Value;
        session.LastResponse = await client.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (expectSuccess)
        {
            Assert.Equal(HttpStatusCode.Redirect, session.LastResponse.StatusCode);
        }

        return session;
    }

    private sealed class TestSession(HttpClient client) : IDisposable
    {
        public HttpResponseMessage? LastResponse { get; set; }

        public async Task<HttpResponseMessage> Post(string formPage, string action, Dictionary<string, string> fields)
        {
            var page = await client.GetStringAsync(formPage);
            fields["__RequestVerificationToken"] = StaffSession.TokenRegex().Match(page).Groups[1].Value;
            return await client.PostAsync(action, new FormUrlEncodedContent(fields));
        }

        public void Dispose() => client.Dispose();
    }
}
