using System.CommandLine;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;

namespace Gongkai.Cli;

/// <summary><c>gongkai report render FILE --to md|html|txt|docx [--out PATH]</c>.</summary>
public static class RenderCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "年度报告文件" };
        var to = ReportCommands.FormatOption();
        var output = ReportCommands.OutOption();
        var command = new Command("render", "按国家规定的格式排版年度报告") { file, to, output };
        command.SetAction(parse =>
        {
            var read = ReportFileReader.ReadFile(parse.GetValue(file)!);
            if (read.Report is null)
            {
                foreach (var d in read.Diagnostics)
                {
                    stderr.WriteLine($"{parse.GetValue(file)}: {d}");
                }

                return ExitCodes.Unreadable;
            }

            return Write(read.Report, parse.GetValue(to)!, parse.GetValue(output), stdout, stderr);
        });
        return command;
    }

    /// <summary>Renders to a file (written whole, then moved into place) or to standard output.</summary>
    public static int Write(AnnualReport report, string formatName, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        ReportRenderer.TryParseFormat(formatName, out var format);
        if (output is null)
        {
            if (ReportRenderer.IsBinary(format))
            {
                stderr.WriteLine("用法错误：docx 是二进制格式，请用 --out 指定输出文件。");
                return ExitCodes.Unreadable;
            }

            stdout.Write(ReportRenderer.RenderToString(report, format));
            return ExitCodes.Ok;
        }

        var directory = output.Directory;
        if (directory is not null && !directory.Exists)
        {
            stderr.WriteLine($"无法写入 {output.FullName}：目录不存在。");
            return ExitCodes.Unreadable;
        }

        // Written to a temporary file first, so a crash mid-write never leaves a half document at PATH.
        var temporary = output.FullName + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var stream = File.Create(temporary))
            {
                ReportRenderer.Render(report, format, stream);
            }

            File.Move(temporary, output.FullName, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        stderr.WriteLine($"已写入 {output.FullName}");
        return ExitCodes.Ok;
    }
}
