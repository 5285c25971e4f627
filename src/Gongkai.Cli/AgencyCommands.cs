using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai agency add|list|move|close</c>: the installation's agencies. Exit 0 done, 1 refused (a Chinese
/// reason on stderr: duplicate code, unknown or closed parent, a cycle, open cases), 2 a bad command line.
/// The database is migrated first, so a new installation starts with these commands.
/// </summary>
public static class AgencyCommands
{
    public static readonly string[] Levels = Enum.GetValues<AgencyLevel>().Select(l => l.Name()).ToArray();
    public static readonly string[] Kinds = Enum.GetValues<AgencyKind>().Select(k => k.Name()).ToArray();

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Build(TextWriter stdout, TextWriter stderr) =>
        new("agency", "机关：添加、列出、调整上级、撤销") { Add(stdout, stderr), List(stdout, stderr), Move(stdout, stderr), Close(stdout, stderr) };

    private static Command Add(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseCommands.DatabaseOption();
        var code = new Option<string>("--code") { Description = "机关代码（字母、数字、-、_，至多 64 个字符）", Required = true };
        var name = new Option<string>("--name") { Description = "机关名称", Required = true };
        var parent = new Option<string?>("--parent") { Description = "上级机关代码" };
        var level = new Option<string?>("--level") { Description = "层级：state-council-dept（国务院部门）、province（省）、city（市）、county（县）、township（乡镇街道）；默认同上级，无上级时为 city" }
            .AcceptOnlyFromAmong(Levels);
        var kind = new Option<string?>("--kind") { Description = "类别：government（人民政府）、department（部门）、other（其他）；默认有上级时为 department，否则 government" }
            .AcceptOnlyFromAmong(Kinds);
        var command = new Command("add", "添加机关") { code, name, parent, level, kind, database };
        command.SetAction(parse => DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
        {
            Database.Migrate(db);
            // The directory's changes are async (they also run on web requests); a one-shot command simply waits.
            var error = new AgencyDirectory(db).AddAsync(
                parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(parent),
                OrganisationNames.ParseLevel(parse.GetValue(level)), OrganisationNames.ParseKind(parse.GetValue(kind))).GetAwaiter().GetResult();
            return Report(stdout, stderr, error, $"已添加机关 {parse.GetValue(code)!.Trim()}。");
        }));
        return command;
    }

    private static Command List(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseCommands.DatabaseOption();
        var json = new Option<bool>("--json") { Description = "输出 JSON 数组：[{code, name, level, kind, parent}]" };
        var command = new Command("list", "列出机关") { json, database };
        command.SetAction(parse =>
        {
            // A SQLite file that is not there holds no agency: listed as none, and said so, without making an empty one
            // where a path was mistyped (from the repository root the platform's is src/Gongkai.Web/data/gongkai.db).
            if (Database.MissingSqliteFile(parse.GetValue(database)) is { } missing)
            {
                stderr.WriteLine($"数据库文件不存在：{missing}（未创建）。请用 --database（或环境变量 {Database.EnvironmentVariable}）指定已有的数据库。");
                return Listed([], parse.GetValue(json));
            }

            return DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
            {
                Database.Migrate(db);
                return Listed(new AgencyDirectory(db).List(), parse.GetValue(json));
            });
        });
        return command;

        int Listed(IReadOnlyList<AgencyInfo> agencies, bool asJson)
        {
            if (asJson)
            {
                var rows = agencies.Select(a => new AgencyJson(a.Code, a.Name, a.Level.Name(), a.Kind.Name(), a.Parent)).ToList();
                stdout.WriteLine(JsonSerializer.Serialize(rows, JsonOptions));
                return ExitCodes.Ok;
            }

            foreach (var a in agencies)
            {
                var closed = a.ClosedOn is { } on ? $"  已撤销（{on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}）" : string.Empty;
                stdout.WriteLine($"{a.Code}\t{a.Name}\t{a.Level.Label()}\t{a.Kind.Label()}\t上级：{a.Parent ?? "无"}{closed}");
            }

            stderr.WriteLine($"共 {agencies.Count} 个机关。");
            return ExitCodes.Ok;
        }
    }

    private static Command Move(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseCommands.DatabaseOption();
        var code = new Option<string>("--code") { Description = "机关代码", Required = true };
        var parent = new Option<string?>("--parent") { Description = "新的上级机关代码；省略则不设上级" };
        var command = new Command("move", "调整机关的上级（拒绝形成循环）") { code, parent, database };
        command.SetAction(parse => DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
        {
            Database.Migrate(db);
            var error = new AgencyDirectory(db).SetParentAsync(parse.GetValue(code)!.Trim(), parse.GetValue(parent)).GetAwaiter().GetResult();
            return Report(stdout, stderr, error, $"已调整 {parse.GetValue(code)!.Trim()} 的上级。");
        }, mustExist: true));
        return command;
    }

    private static Command Close(TextWriter stdout, TextWriter stderr)
    {
        var database = DatabaseCommands.DatabaseOption();
        var code = new Option<string>("--code") { Description = "机关代码", Required = true };
        var on = new Option<string?>("--on") { Description = "撤销日期 YYYY-MM-DD（默认今天）" };
        var command = new Command("close", "撤销机关（合并或撤销；有在办申请时拒绝；历史记录保留）") { code, on, database };
        command.SetAction(parse =>
        {
            var day = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            if (parse.GetValue(on) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                stderr.WriteLine($"用法错误：--on 应为 YYYY-MM-DD 格式的日期，收到“{text}”。");
                return ExitCodes.Unreadable;
            }

            return DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
            {
                Database.Migrate(db);
                var error = new AgencyDirectory(db).CloseAsync(parse.GetValue(code)!.Trim(), day).GetAwaiter().GetResult();
                return Report(stdout, stderr, error, $"已撤销机关 {parse.GetValue(code)!.Trim()}。");
            }, mustExist: true);
        });
        return command;
    }

    internal static int Report(TextWriter stdout, TextWriter stderr, string? error, string done)
    {
        if (error is not null)
        {
            stderr.WriteLine($"已拒绝：{error}");
            return ExitCodes.Errors;
        }

        stdout.WriteLine(done);
        return ExitCodes.Ok;
    }
}
