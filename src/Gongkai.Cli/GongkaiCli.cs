using System.CommandLine;

namespace Gongkai.Cli;

/// <summary>Builds the command tree and runs it with the exit-code contract (0 / 1 / 2).</summary>
public static class GongkaiCli
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        // The command line speaks Chinese, System.CommandLine's own messages (usage errors, help headings) included: it
        // ships them in zh-Hans. Only the UI language; numbers and dates are written invariantly as before.
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            return RunInChinese(args, stdout, stderr, stdin);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }

    private static int RunInChinese(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin)
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

        // What System.CommandLine's zh-Hans resources leave in English in the help: the help option's description (set
        // here), the heading "Description:" and the mark "(REQUIRED)" (replaced in the help's text below).
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = "显示帮助和用法信息";
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 && parse.Action is System.CommandLine.Help.HelpAction)
        {
            using var text = new StringWriter();
            var exit = parse.Invoke(new InvocationConfiguration { Output = text, Error = stderr });
            var chinese = System.Text.RegularExpressions.Regex.Replace(text.ToString(), "^Description:", "说明：", System.Text.RegularExpressions.RegexOptions.Multiline);
            stdout.Write(chinese.Replace(" (REQUIRED)", "（必需）", StringComparison.Ordinal));
            return exit;
        }

        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"用法错误：{InChinese(error.Message)}");
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

    /// <summary>
    /// System.CommandLine's zh-Hans messages leave the commonest usage errors in English — a value it cannot parse (with a
    /// .NET type name, <c>System.Nullable`1[System.Int32]</c>), a required option missing, an unknown word — so those are
    /// said in Chinese here; the others come translated from its resources.
    /// </summary>
    internal static string InChinese(string message)
    {
        if (System.Text.RegularExpressions.Regex.Match(message, "^Option '(?<option>[^']*)' is required\\.?$") is { Success: true } required)
        {
            return $"缺少必需的选项 {required.Groups["option"].Value}。";
        }

        if (System.Text.RegularExpressions.Regex.Match(message, "^Unrecognized command or argument '(?<token>.*)'\\.?$") is { Success: true } unknown)
        {
            return $"无法识别的命令或参数“{unknown.Groups["token"].Value}”。";
        }

        if (System.Text.RegularExpressions.Regex.Match(message, "^Option '(?<option>[^']*)' expects a single argument but (?<n>\\d+) were provided\\.?$") is { Success: true } once)
        {
            return $"选项 {once.Groups["option"].Value} 只能给一个值，给了 {once.Groups["n"].Value} 个。";
        }

        var m = System.Text.RegularExpressions.Regex.Match(message, "^Cannot parse argument '(?<value>.*)' for (?:option|command) '(?<option>[^']*)' as expected type '(?<type>[^']*)'\\.?$");
        if (!m.Success)
        {
            return Punctuated(message);
        }

        var type = m.Groups["type"].Value;
        var expected = type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "整数"
            : type.Contains("DateOnly", StringComparison.Ordinal) ? "日期（年-月-日，如 2026-01-20）"
            : type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) ? "数字"
            : "有效的值";
        return $"{m.Groups["option"].Value} 的值“{m.Groups["value"].Value}”无法读取，应为{expected}。";
    }

    /// <summary>
    /// System.CommandLine's own zh-Hans sentences keep the English quotes inside the Chinese ones and an English full stop
    /// (<c>未识别命令或参数“'x'”.</c>, <c>命令 'import' 缺少所需参数 'FILE'。</c>): the Chinese quotes and full stop instead.
    /// </summary>
    internal static string Punctuated(string message)
    {
        if (!message.Any(c => c is >= '\u4e00' and <= '\u9fff'))
        {
            return message;
        }

        message = System.Text.RegularExpressions.Regex.Replace(message, "“'([^'“”]*)'”", "“$1”");
        message = System.Text.RegularExpressions.Regex.Replace(message, "\\s?'([^'“”]*)'\\s?", "“$1”");
        message = message.Replace(":“", "：“", StringComparison.Ordinal);
        return message.EndsWith("。.", StringComparison.Ordinal) ? message[..^1]
            : message.EndsWith('.') ? message[..^1] + "。"
            : message;
    }
}
