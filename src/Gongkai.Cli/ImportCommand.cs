using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Import;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai report import FILE [--json]</c>: a published report (text, Markdown, HTML, .docx, PDF) to
/// canonical JSON on standard output. <c>gongkai report import DIR --out results.jsonl [--csv results.csv]</c>:
/// a whole folder, in parallel, one bad file never stopping the batch.
/// </summary>
public static class ImportCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var input = new Argument<string>("FILE|DIR") { Description = "已发布的年度报告文件（txt、md、html、docx、pdf、json），或包含这些文件的目录" };
        var json = new Option<bool>("--json") { Description = "把诊断信息一并写入输出的 JSON（字段 diagnostics），而不是写到标准错误" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "目录导入时：结果写入的 JSON Lines 文件（每个报告一行）" };
        var csv = new Option<FileInfo?>("--csv") { Description = "目录导入时：另写一个 CSV 文件（每个报告一行，每个栏目一列）" };
        var command = new Command("import", "导入已发布的年度报告（文本、Markdown、HTML、Word、PDF），输出规范 JSON") { input, json, output, csv };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            if (Directory.Exists(path))
            {
                if (parse.GetValue(output) is not { } jsonl)
                {
                    stderr.WriteLine("用法错误：导入目录时请用 --out 指定结果文件（JSON Lines）。");
                    return ExitCodes.Unreadable;
                }

                return Batch(path, jsonl, parse.GetValue(csv), stderr);
            }

            return Single(path, parse.GetValue(json), stdout, stderr);
        });
        return command;
    }

    private static int Single(string path, bool embedDiagnostics, TextWriter stdout, TextWriter stderr)
    {
        var read = ReportFileReader.ReadFile(path);
        if (read.Report is null)
        {
            foreach (var d in read.Diagnostics)
            {
                stderr.WriteLine($"{path}: {d}");
            }

            return ExitCodes.Unreadable;
        }

        stdout.WriteLine(CanonicalJsonWriter.Write(read.Report, embedDiagnostics ? read.Diagnostics : null));
        if (!embedDiagnostics)
        {
            foreach (var d in read.Diagnostics)
            {
                stderr.WriteLine($"{path}: {d}");
            }
        }

        return read.HasErrors ? ExitCodes.Errors : ExitCodes.Ok;
    }

    private static int Batch(string directory, FileInfo jsonl, FileInfo? csv, TextWriter stderr)
    {
        foreach (var target in new[] { jsonl, csv })
        {
            if (target?.Directory is { Exists: false } missing)
            {
                stderr.WriteLine($"无法写入 {target.FullName}：目录 {missing.FullName} 不存在。");
                return ExitCodes.Unreadable;
            }
        }

        var progress = Console.IsErrorRedirected || stderr != Console.Error ? null : new ConsoleProgress(stderr);
        var summary = BatchImporter.Run(directory, jsonl.FullName, csv?.FullName, progress is null ? null : progress.Report);
        progress?.Done();
        stderr.WriteLine($"共 {summary.Files} 个文件：导入无误 {summary.Clean} 个，有错误 {summary.WithErrors} 个，无法读取 {summary.Unreadable} 个。");
        stderr.WriteLine($"结果：{jsonl.FullName}" + (csv is null ? string.Empty : $"，{csv.FullName}"));
        return summary.Unreadable > 0 ? ExitCodes.Unreadable : summary.WithErrors > 0 ? ExitCodes.Errors : ExitCodes.Ok;
    }

    /// <summary>A one-line progress bar on a terminal.</summary>
    private sealed class ConsoleProgress(TextWriter stderr)
    {
        private readonly Lock _gate = new();
        private int _lastPercent = -1;

        public void Report(int done, int total)
        {
            var percent = total == 0 ? 100 : done * 100 / total;
            lock (_gate)
            {
                if (percent == _lastPercent && done != total)
                {
                    return;
                }

                _lastPercent = percent;
                var filled = percent / 5;
                stderr.Write($"\r导入 [{new string('#', filled)}{new string('.', 20 - filled)}] {done}/{total}");
            }
        }

        public void Done() => stderr.WriteLine();
    }
}
