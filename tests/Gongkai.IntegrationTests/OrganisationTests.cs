using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Testing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Organisation;

namespace Gongkai.IntegrationTests;

/// <summary>The agency directory and the staff directory on both databases: refusals in Chinese, nothing half-written.</summary>
public sealed class OrganisationTests
{
    private static readonly FixedTime Time = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    private const string Strong = "Lantern-river-42";

    private static async Task CityAsync(GongkaiDbContext db)
    {
        var agencies = new AgencyDirectory(db);
        Assert.Null(await agencies.AddAsync("CITY", "示例市人民政府办公室", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await agencies.AddAsync("EDU", "示例市教育局", "CITY"));
        Assert.Null(await agencies.AddAsync("EAST", "示例市东区人民政府", "CITY", AgencyLevel.County, AgencyKind.Government));
        Assert.Null(await agencies.AddAsync("EAST-T1", "东区某街道办事处", "EAST", AgencyLevel.Township));
        Assert.Null(await agencies.AddAsync("OTHER", "另一市人民政府办公室"));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task AddUnder_ChecksEachAsAddDoes_AddsTheRestInOneSave(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var directory = new AgencyDirectory(db);
        Assert.Null(await directory.AddAsync("CITY", "示例市人民政府", level: AgencyLevel.City, kind: AgencyKind.Government));
        Assert.Null(await directory.AddAsync("CITY-EDU", "示例市教育局", "CITY"));
        var city = directory.Find("CITY")!;

        var refusals = await directory.AddUnderAsync(city, [("CITY-EDU", "另一个教育局"), ("CITY-A", "示例市甲局"), ("CITY-A", "示例市乙局"), ("CITY-B", new string('某', 201)), ("CITY", "自身"), ("CITY-C", "示例市丙局")], AgencyKind.Other);

        Assert.Equal(
            ["机关代码“CITY-EDU”已存在，未添加。", null, "机关代码“CITY-A”已存在，未添加。", "机关名称不能为空，且不超过 200 字。", "机关代码“CITY”已存在，未添加。", null],
            refusals);
        var made = directory.Beneath("CITY").Where(a => a.Kind == AgencyKind.Other).Select(a => (a.Code, a.Name, a.Level, a.Parent)).Order().ToList();
        Assert.Equal([("CITY-A", "示例市甲局", AgencyLevel.City, (string?)"CITY"), ("CITY-C", "示例市丙局", AgencyLevel.City, "CITY")], made);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Beneath_IsTransitive_AndExcludesOtherTrees(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CityAsync(db);
        var directory = new AgencyDirectory(db);

        Assert.Equal(["EAST", "EAST-T1", "EDU"], directory.Beneath("CITY").Select(a => a.Code));
        Assert.True(directory.IsWithin("EAST-T1", "CITY"));
        Assert.False(directory.IsWithin("OTHER", "CITY"));
        Assert.False(directory.IsWithin("CITY", "EAST"));
        Assert.Equal(AgencyLevel.County, directory.Find(directory.Find("EAST-T1")!.Parent)!.Level);
        Assert.Equal(AgencyKind.Department, directory.Find("EDU")!.Kind);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task SetParent_Cycle_RefusedWithThePath_NothingChanged(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CityAsync(db);

        var error = await new AgencyDirectory(db).SetParentAsync("CITY", "EAST-T1");

        Assert.Equal("不能把“CITY”设在“EAST-T1”之下：上下级会形成循环（CITY → EAST-T1 → EAST → CITY）。", error);
        using var again = database.Open();
        Assert.Null(new AgencyDirectory(again).Find("CITY")!.Parent);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Close_WithOpenCases_RefusedWithTheCount_ThenClosesWhenDone(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CityAsync(db);
        var store = new CaseStore(db);
        for (var i = 0; i < 3; i++)
        {
            store.Add(DisclosureApplication.Receive(Guid.NewGuid(), "EDU", $"EDU-{i}", new Applicant(ApplicantCategory.NaturalPerson, "张三", "1", "2"),
                "某文件", "邮寄", ReceiptChannel.Online, new DateOnly(2026, 2, 2), Time.GetUtcNow(), "clerk"));
        }

        var refused = await new AgencyDirectory(db).CloseAsync("EDU", new DateOnly(2026, 3, 2));
        var parentRefused = await new AgencyDirectory(db).CloseAsync("EAST", new DateOnly(2026, 3, 2));

        Assert.Equal("机关“示例市教育局”还有 3 件在办申请，办结或移交后才能撤销。", refused);
        Assert.Contains("之下还有 1 个在用的机关", parentRefused, StringComparison.Ordinal);
        Assert.True(new AgencyDirectory(db).Find("EDU")!.Active);
        Assert.Null(await new AgencyDirectory(db).CloseAsync("EAST-T1", new DateOnly(2026, 3, 2)));
        Assert.Equal(new DateOnly(2026, 3, 2), new AgencyDirectory(db).Find("EAST-T1")!.ClosedOn);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task StaffDirectory_AdminManagesOnlyItsAgency_EveryChangeNewStampAndAudited(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CityAsync(db);
        var audit = new AuditLog(db, Time);
        var staff = new StaffDirectory(db, audit, Time);
        Assert.Null(await staff.AddAsync(StaffActor.Console, "EDU", "edu.admin", StaffRole.Admin, "王五", Strong));
        Assert.Null(await staff.AddAsync(StaffActor.Console, "EAST", "east.clerk", StaffRole.Clerk, null, Strong));
        var admin = new StaffActor("edu.admin", "EDU", StaffRole.Admin);

        Assert.Null(await staff.AddAsync(admin, "EDU", "edu.clerk", StaffRole.Clerk, "赵六", Strong));
        Assert.Equal("只能管理本机关的账户。", await staff.AddAsync(admin, "EAST", "east.head", StaffRole.Head, null, Strong));
        Assert.Equal("系统管理员账户只能由系统管理员创建。", await staff.AddAsync(admin, "EDU", "edu.root", StaffRole.InstallationAdmin, null, Strong));
        Assert.Equal("找不到账户“east.clerk”。", await staff.SetDisabledAsync(admin, "east.clerk", true));
        Assert.Equal("找不到账户“east.clerk”。", await staff.ResetPasswordAsync(admin, "east.clerk", "Another-pass-77"));
        Assert.Equal("不能停用自己的账户。", await staff.SetDisabledAsync(admin, "edu.admin", true));
        Assert.Equal("不能更改自己的角色。", await staff.ChangeRoleAsync(admin, "edu.admin", StaffRole.Clerk));

        var stamp = db.StaffUsers.Single(u => u.UserName == "edu.clerk").SecurityStamp;
        Assert.Null(await staff.ChangeRoleAsync(admin, "edu.clerk", StaffRole.Head));
        var afterRole = db.StaffUsers.Single(u => u.UserName == "edu.clerk").SecurityStamp;
        Assert.Null(await staff.SetDisabledAsync(admin, "edu.clerk", true));
        var afterDisable = db.StaffUsers.Single(u => u.UserName == "edu.clerk").SecurityStamp;
        Assert.Null(await staff.ResetPasswordAsync(admin, "edu.clerk", "Another-pass-77"));
        var row = db.StaffUsers.Single(u => u.UserName == "edu.clerk");

        Assert.Equal(4, new[] { stamp, afterRole, afterDisable, row.SecurityStamp }.Distinct().Count());
        Assert.True(row.Disabled);
        Assert.Equal((int)StaffRole.Head, row.Role);
        Assert.True(StaffPasswords.Verify(row, "Another-pass-77"));
        Assert.Equal((int)StaffRole.Clerk, db.StaffUsers.Single(u => u.UserName == "east.clerk").Role);
        Assert.False(db.StaffUsers.Single(u => u.UserName == "east.clerk").Disabled);
        var log = audit.Recent("EDU");
        Assert.Contains(log, e => e.Action == "user.role" && e.Target == "edu.clerk" && e.Detail == "角色改为公开办负责人");
        Assert.Contains(log, e => e.Action == "user.disable" && e.Detail == "停用账户");
        Assert.Contains(log, e => e.Action == "user.reset_password" && e.Detail == "重置密码");
        Assert.Contains(log, e => e.Action == "user.add" && e.Detail.StartsWith("拒绝：只能管理本机关", StringComparison.Ordinal));
        Assert.DoesNotContain(audit.Recent("EAST"), e => e.Actor == "edu.admin" && e.Detail == "停用账户");
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task ChangeOwnPassword_NeedsTheCurrentOne_AndThePolicy(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CityAsync(db);
        var staff = new StaffDirectory(db, new AuditLog(db, Time), Time);
        Assert.Null(await staff.AddAsync(StaffActor.Console, "EDU", "liu", StaffRole.Clerk, null, Strong));

        Assert.Equal("当前密码不正确。", await staff.ChangeOwnPasswordAsync("liu", "wrong-password-1", "Sparrow-hill-93"));
        Assert.Equal("密码不能包含用户名。", await staff.ChangeOwnPasswordAsync("liu", Strong, "liu-Sparrow-hill"));
        Assert.Null(await staff.ChangeOwnPasswordAsync("liu", Strong, "Sparrow-hill-93"));

        var row = db.StaffUsers.Single(u => u.UserName == "liu");
        Assert.True(StaffPasswords.Verify(row, "Sparrow-hill-93"));
        Assert.False(StaffPasswords.Verify(row, Strong));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task AddUser_ToClosedAgency_Refused(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        await CityAsync(db);
        Assert.Null(await new AgencyDirectory(db).CloseAsync("EAST-T1", new DateOnly(2026, 3, 2)));

        var error = await new StaffDirectory(db, new AuditLog(db, Time), Time).AddAsync(StaffActor.Console, "EAST-T1", "t1.clerk", StaffRole.Clerk, null, Strong);

        Assert.Equal("机关“东区某街道办事处”已撤销，不能再添加账户。", error);
        Assert.False(db.StaffUsers.Any(u => u.UserName == "t1.clerk"));
    }
}
