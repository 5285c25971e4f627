using System.CommandLine;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Accounts;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai user add --agency CODE --user NAME --role clerk|head|admin|supervisor|installation-admin [--display NAME]
/// --password-stdin</c>: creates a staff account; the password is read from the first line of standard input (never
/// from the command line, which other users of the machine can see). <c>--role installation-admin</c> creates the
/// installation's administrator (系统管理员; <c>--agency</c> optional): the first account of a new installation.
/// Exit 0 created, 1 refused (weak password, unknown or closed agency, name taken), 2 a bad command line (or a first
/// line of standard input over <see cref="MaxPasswordLine"/> characters, refused unread).
/// </summary>
public static class UserCommands
{
    /// <summary>The most characters read from standard input for the password line: a password is far shorter.</summary>
    public const int MaxPasswordLine = 4096;

    public static readonly string[] Roles = Enum.GetValues<StaffRole>().Select(r => r.Name()).ToArray();

    public static Command Build(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var database = DatabaseCommands.DatabaseOption();
        var agency = new Option<string?>("--agency") { Description = "所属机关代码（系统管理员可省略）" };
        var user = new Option<string>("--user") { Description = "用户名（字母、数字、.、-、_）", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "角色：clerk（办理人员）、head（公开办负责人）、admin（机关管理员）、supervisor（监督人员）、installation-admin（系统管理员）",
            Required = true,
        }.AcceptOnlyFromAmong(Roles);
        var display = new Option<string?>("--display") { Description = "显示的姓名（默认同用户名）" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入的第一行读取密码（必需）" };
        var add = new Command("add", "添加工作人员账户") { agency, user, role, display, passwordStdin, database };
        add.SetAction(parse =>
        {
            var staffRole = OrganisationNames.ParseRole(parse.GetValue(role))!.Value;
            var code = parse.GetValue(agency)?.Trim() ?? string.Empty;
            if (!parse.GetValue(passwordStdin))
            {
                stderr.WriteLine("用法错误：须用 --password-stdin 从标准输入提供密码（命令行参数会被本机其他用户看到）。");
                return ExitCodes.Unreadable;
            }

            if (code.Length == 0 && staffRole != StaffRole.InstallationAdmin)
            {
                stderr.WriteLine("用法错误：--agency 是必需的（只有 installation-admin 可省略）。");
                return ExitCodes.Unreadable;
            }

            var password = FirstLine(stdin, MaxPasswordLine, out var tooLong);
            if (tooLong)
            {
                stderr.WriteLine($"用法错误：标准输入的第一行超过 {MaxPasswordLine} 个字符，不是密码，未读取其余内容。");
                return ExitCodes.Unreadable;
            }

            if (password is null)
            {
                stderr.WriteLine("用法错误：标准输入中没有密码。");
                return ExitCodes.Unreadable;
            }

            return DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
            {
                Database.Migrate(db);
                var error = new StaffDirectory(db, new AuditLog(db, TimeProvider.System), TimeProvider.System)
                    .AddAsync(StaffActor.Console, code, parse.GetValue(user)!, staffRole, parse.GetValue(display), password).GetAwaiter().GetResult();
                return AgencyCommands.Report(stdout, stderr, error, $"已创建账户 {parse.GetValue(user)!.Trim()}（{staffRole.Label()}）。");
            });
        });
        return new Command("user", "工作人员账户") { add };
    }

    /// <summary>
    /// The first line of <paramref name="reader"/> (as <see cref="TextReader.ReadLine"/>: null when the input is empty),
    /// reading at most <paramref name="max"/> + 1 characters (the line break, or the first one past the limit): a longer
    /// line sets <paramref name="tooLong"/> and is not read further (ReadLine would read a line of any length whole).
    /// </summary>
    private static string? FirstLine(TextReader reader, int max, out bool tooLong)
    {
        tooLong = false;
        var line = new System.Text.StringBuilder();
        while (true)
        {
            var next = reader.Read();
            if (next == -1)
            {
                return line.Length == 0 ? null : line.ToString();
            }

            if (next is '\n' or '\r')
            {
                return line.ToString();
            }

            if (line.Length == max)
            {
                tooLong = true;
                return null;
            }

            line.Append((char)next);
        }
    }
}
