using Gongkai.Domain.Calendar;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Demo;

namespace Gongkai.Web.Hosting;

/// <summary>
/// What a start does to an empty installation. With Gongkai:SeedDemo (the default in Development only): the demo
/// city, its accounts printed once. Otherwise nothing — no agency, no account, no password — and, while no account
/// exists, the log says how to create the first administrator with the command line.
/// </summary>
public static class FirstStart
{
    public static void Run(WebApplication app, GongkaiDbContext db, WorkingDayCalendar calendar)
    {
        var options = app.Services.GetRequiredService<GongkaiOptions>();
        if (options.SeedDemo == true && !db.Agencies.Any() && !db.StaffUsers.Any())
        {
            var city = new DemoCity(db, calendar, app.Services.GetRequiredService<TimeProvider>())
                .Run(options.DemoPassword);
            Console.WriteLine($"演示账户（密码均为 {city.Password}，只显示这一次）：");
            foreach (var account in city.Accounts)
            {
                Console.WriteLine($"  {account.User}（{account.Role.Label()}，{(account.Agency.Length == 0 ? "全系统" : account.Agency)}）");
            }

            app.Logger.LogInformation(
                "演示数据：{Agencies} 个机关（示例市人民政府办公室 DEMO 及其下 8 个部门、3 个区），往年 {Cases} 件申请、{Reviews} 件复议/诉讼，今年 {ThisYear} 件（部分在办）。",
                city.Agencies, city.Applications, city.Reviews, city.ThisYear);
            return;
        }

        if (!db.StaffUsers.Any())
        {
            app.Logger.LogWarning(
                "尚无任何工作人员账户。请用命令行创建第一个系统管理员，然后登录 /staff 添加机关和账户：\n" +
                "  echo '<至少10位的密码>' | gongkai user add --user <用户名> --role installation-admin --password-stdin --database <数据库>\n" +
                "机关也可以用命令行添加：gongkai agency add --code <代码> --name <名称> [--parent <上级代码>] --database <数据库>");
        }
    }
}
