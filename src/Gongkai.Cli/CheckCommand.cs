using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Reporting;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Validation;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai report check FILE...</c>: reads each report and runs every validation rule. One line per
/// diagnostic (<c>FILE: severity CODE location: message</c>), or <c>--json</c>.
/// </summary>
public static class CheckCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILE") { Description = "要检查的年度报告文件（可多个）", Arity = ArgumentArity.OneOrMore };
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value != "-"))
            {
                result.AddError($"未知选项“{token.Value}”");
            }
        });
        var json = new Option<bool>("--json") { Description = "以 JSON 输出诊断结果（供程序读取）" };
        var previous = new Option<string?>("--previous") { Description = "同一机关上一年度的报告，用于跨年度核对（C-06、C-07、I-08）" };
        var command = new Command("check", "检查年度报告：表格勾稽关系、格式版本、空白单元格、缺失章节等")
        {
            files, json, previous,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), parse.GetValue(previous), stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> files, bool asJson, string? previousPath, TextWriter stdout, TextWriter stderr)
    {
        var exit = ExitCodes.Ok;
        AnnualReport? previous = null;
        if (previousPath is not null)
        {
            var prev = ReportFileReader.ReadFile(previousPath);
            if (prev.Report is null)
            {
                foreach (var d in prev.Diagnostics)
                {
                    stderr.WriteLine($"{previousPath}: {d}");
                }

                return ExitCodes.Unreadable;
            }

            previous = prev.Report;
        }

        var validator = new ReportValidator();
        var results = new List<(string File, ReportCheck Check)>();
        foreach (var file in files)
        {
            var check = ReportCheck.Of(ReportFileReader.ReadFile(file), validator, previous);
            results.Add((file, check));
            exit = Math.Max(exit, !check.Readable ? ExitCodes.Unreadable : check.Errors > 0 ? ExitCodes.Errors : ExitCodes.Ok);
        }

        if (asJson)
        {
            WriteJson(results, stdout);
        }
        else
        {
            foreach (var (file, check) in results)
            {
                foreach (var d in check.Diagnostics)
                {
                    stdout.WriteLine($"{file}: {d}");
                }
            }

            var errors = results.Sum(r => r.Check.Errors);
            var warnings = results.Sum(r => r.Check.Warnings);
            stderr.WriteLine($"检查了 {results.Count} 个文件：{errors} 个错误，{warnings} 个警告。");
        }

        return exit;
    }

    private static void WriteJson(IEnumerable<(string File, ReportCheck Check)> results, TextWriter stdout)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var (file, check) in results)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteBoolean("readable", check.Readable);
                if (check.Report is { } report)
                {
                    w.WriteString("edition", report.Edition.ToCode());
                    w.WriteString("agency", report.Agency);
                    if (report.Year is { } y)
                    {
                        w.WriteNumber("year", y);
                    }
                    else
                    {
                        w.WriteNull("year");
                    }
                }

                w.WriteNumber("errors", check.Errors);
                w.WriteNumber("warnings", check.Warnings);
                DiagnosticJson.WriteArray(w, "diagnostics", check.Diagnostics);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        stdout.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
