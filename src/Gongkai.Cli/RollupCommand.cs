using System.CommandLine;
using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Reporting.Validation;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai report rollup FILE... [--json] [--out FILE]</c>: adds up the reports of one year (汇总) and
/// prints the roll-up's canonical JSON. Diagnostics of the inputs (reading and validation) and of the
/// mapping go to standard error, or with <c>--json</c> into the JSON (with sources and contributors).
/// Exit 0; 1 when any diagnostic is an error; 2 when an input is unreadable or the years differ.
/// </summary>
public static class RollupCommand
{
    /// <summary>The source name of the mapping's own diagnostics.</summary>
    public const string MappingSource = "汇总";

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "同一年度的年度报告文件（json、txt、md、html、docx、pdf，可多个）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "把输入与汇总的诊断信息、各数字的来源机关一并写入输出的 JSON，而不是写到标准错误" };
        var output = new Option<FileInfo?>("--out", "-o")
        {
            Description = "输出文件：.docx、.html、.md、.txt 按国家格式排版，其他扩展名写 JSON；省略时写到标准输出",
        };
        var command = new Command("rollup", "汇总同一年度多个机关的年度报告（表二可比单元格、表三、表四），输出规范 JSON") { files, json, output };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), parse.GetValue(output), stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> files, bool asJson, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        var validator = new ReportValidator();
        var diagnostics = new List<RollupJson.SourcedDiagnostic>();
        var sources = new List<RollupSource>();
        var unreadable = false;
        foreach (var file in files)
        {
            var check = ReportCheck.Of(ReportFileReader.ReadFile(file), validator);
            diagnostics.AddRange(check.Diagnostics.Select(d => new RollupJson.SourcedDiagnostic(file, d)));
            if (check.Report is null)
            {
                unreadable = true;
                continue;
            }

            sources.Add(RollupSource.Of(check.Report, Path.GetFileName(file)));
        }

        if (unreadable)
        {
            WriteLines(diagnostics, stderr);
            stderr.WriteLine("有文件无法读取，未汇总。");
            return ExitCodes.Unreadable;
        }

        var rollup = ReportRollup.Of(sources);
        diagnostics.AddRange(rollup.Diagnostics.Select(d => new RollupJson.SourcedDiagnostic(MappingSource, d)));
        if (rollup.Report is null)
        {
            WriteLines(diagnostics, stderr);
            stderr.WriteLine("报告年度不一致或未写明，未汇总。");
            return ExitCodes.Unreadable;
        }

        var text = RollupJson.Write(rollup, asJson ? diagnostics : null);
        if (!asJson)
        {
            WriteLines(diagnostics, stderr);
        }

        var exit = diagnostics.Any(d => d.Diagnostic.Severity == Severity.Error) ? ExitCodes.Errors : ExitCodes.Ok;
        if (output is null)
        {
            stdout.WriteLine(text);
            return exit;
        }

        if (ReportRenderer.TryParseFormat(output.Extension.TrimStart('.'), out _))
        {
            if (asJson)
            {
                // The file holds the rendered report only; the JSON (diagnostics included) still goes to standard output.
                stdout.WriteLine(text);
            }

            var written = RenderCommand.Write(rollup.Report, output.Extension.TrimStart('.'), output, stdout, stderr);
            return written == ExitCodes.Ok ? exit : written;
        }

        if (output.Directory is { Exists: false } missing)
        {
            stderr.WriteLine($"无法写入 {output.FullName}：目录 {missing.FullName} 不存在。");
            return ExitCodes.Unreadable;
        }

        File.WriteAllText(output.FullName, text + "\n");
        stderr.WriteLine($"已写入 {output.FullName}");
        return exit;
    }

    private static void WriteLines(IEnumerable<RollupJson.SourcedDiagnostic> diagnostics, TextWriter stderr)
    {
        foreach (var d in diagnostics)
        {
            stderr.WriteLine($"{d.Source}: {d.Diagnostic}");
        }
    }
}
