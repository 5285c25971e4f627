using System.CommandLine;
using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Reports;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai db migrate</c>, <c>gongkai demo seed</c>, <c>gongkai report generate</c>. The database is
/// <c>--database</c>, else GONGKAI_DATABASE, else the SQLite file data/gongkai.db.
/// </summary>
public static class DatabaseCommands
{
    public static Option<string?> DatabaseOption() => new("--database")
    {
        Description = "SQLite 文件路径，或 PostgreSQL 连接字符串（Host=…;Database=…）；默认取环境变量 GONGKAI_DATABASE，再默认 data/gongkai.db",
    };

    public static Command Db(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseOption();
        var migrate = new Command("migrate", "创建或升级数据库结构（SQLite 或 PostgreSQL）") { database };
        migrate.SetAction(parse =>
        {
            var created = Database.MissingSqliteFile(parse.GetValue(database) ?? Environment.GetEnvironmentVariable(Database.EnvironmentVariable));
            return WithDatabase(parse.GetValue(database), stderr, db =>
            {
                Database.Migrate(db);
                stdout.WriteLine(created is null ? $"数据库已是最新结构（{db.Database.ProviderName}）。" : $"已创建数据库 {created}，结构为最新（{db.Database.ProviderName}）。");
                return ExitCodes.Ok;
            });
        });
        return new Command("db", "数据库") { migrate };
    }

    public static Command Demo(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseOption();
        var agencies = new Option<int>("--agencies") { Description = "机关数", DefaultValueFactory = _ => 3 };
        var cases = new Option<int>("--cases") { Description = "每个机关的申请件数", DefaultValueFactory = _ => 300 };
        var years = new Option<int>("--years") { Description = "覆盖的年数（截至上一年）", DefaultValueFactory = _ => 3 };
        var seed = new Command("seed", "生成演示数据：机关、申请（含补正、延期、征求意见、收费）、行政复议和诉讼") { database, agencies, cases, years };
        seed.SetAction(parse =>
        {
            if (parse.GetValue(agencies) is < 1 or > 1000 || parse.GetValue(cases) is < 0 or > 10_000_000 || parse.GetValue(years) is < 1 or > 20)
            {
                stderr.WriteLine("用法错误：--agencies 1–1000，--cases 0–10000000，--years 1–20。");
                return ExitCodes.Unreadable;
            }

            return WithDatabase(parse.GetValue(database), stderr, db =>
            {
                Database.Migrate(db);
                if (CalendarSource.Load(null, stderr) is not { } calendar)
                {
                    return ExitCodes.Unreadable;
                }

                var (a, c, r) = new DemoSeeder(db, calendar, TimeProvider.System)
                    .Run(parse.GetValue(agencies), parse.GetValue(cases), parse.GetValue(years));
                stdout.WriteLine($"已生成 {a} 个机关、{c} 件申请、{r} 件行政复议/诉讼。第一个机关的代码为 DEMO。");
                return ExitCodes.Ok;
            });
        });
        return new Command("demo", "演示数据") { seed };
    }

    public static Command Generate(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseOption();
        var agency = new Option<string>("--agency") { Description = "机关代码", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "输出的规范 JSON 文件；省略时写到标准输出" };
        var command = new Command("generate", "根据办件记录生成年度报告（表三、表四由数据库汇总）") { database, agency, year, output };
        command.SetAction(parse => WithDatabase(parse.GetValue(database), stderr, db =>
        {
            var report = new GenerateAnnualReport(db).RunAsync(parse.GetValue(agency)!, parse.GetValue(year)).GetAwaiter().GetResult();
            if (report is null)
            {
                stderr.WriteLine($"找不到机关“{parse.GetValue(agency)}”。");
                return ExitCodes.Unreadable;
            }

            var json = CanonicalJsonWriter.Write(report);
            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, json);
                stderr.WriteLine($"已写入 {file.FullName}");
            }
            else
            {
                stdout.WriteLine(json);
            }

            return ExitCodes.Ok;
        }, mustExist: true));
        return command;
    }

    /// <summary>Says so and returns true when <paramref name="setting"/> names a SQLite file that does not exist (see <see cref="Database.MissingSqliteFile"/>).</summary>
    internal static bool RefusedAsMissing(string? setting, TextWriter stderr)
    {
        if (Database.MissingSqliteFile(setting) is not { } missing)
        {
            return false;
        }

        stderr.WriteLine($"数据库文件不存在：{missing}。请用 --database（或环境变量 {Database.EnvironmentVariable}）指定已有的数据库，或先用 gongkai db migrate 创建。");
        return true;
    }

    /// <param name="mustExist">
    /// True for a command that only reads, or needs agencies already there: a SQLite file that does not exist is refused
    /// (exit 2) instead of being made, empty, where the name was mistyped.
    /// </param>
    internal static int WithDatabase(string? setting, TextWriter stderr, Func<GongkaiDbContext, int> action, bool mustExist = false)
    {
        setting ??= Environment.GetEnvironmentVariable(Database.EnvironmentVariable);
        if (mustExist && RefusedAsMissing(setting, stderr))
        {
            return ExitCodes.Unreadable;
        }

        try
        {
            using var db = Database.Open(setting);
            return action(db);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"数据库错误：{ex.Message}");
            return ExitCodes.Unreadable;
        }
    }
}
