using System.CommandLine;

namespace Gongkai.Cli;

/// <summary>Builds the command tree and runs it with the exit-code contract (0 / 1 / 2).</summary>
public static class GongkaiCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("Gongkai（公开）— 政府信息公开年度报告的检查、生成与排版工具")
        {
            ReportCommands.Build(stdout, stderr),
            DeadlineCommand.Build(stdout, stderr),
            DatabaseCommands.Db(stdout, stderr),
            DatabaseCommands.Demo(stdout, stderr),
            SuperviseCommand.Build(stdout, stderr),
            AgencyCommands.Build(stdout, stderr),
            UserCommands.Build(stdout, stderr, stdin ?? Console.In),
            RegistryCommands.Build(stdout, stderr),
        };

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"用法错误：{error.Message}");
            }

            stderr.WriteLine("运行 gongkai --help 查看用法。");
            return ExitCodes.Unreadable;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"无法写入输出：{ex.Message}");
            return ExitCodes.Unreadable;
        }
#pragma warning disable CA1031 // The host turns any bug into one line and an exit code, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"内部错误（请报告此问题）：{ex.GetType().Name}: {ex.Message}");
            return ExitCodes.InternalError;
        }
    }
}
