using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using Gongkai.Persistence;
using Gongkai.Reporting.Parsing;
using Gongkai.UseCases.Supervision;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai report collect FILE|DIR... --under CODE [--year Y] [--database DB]</c>: files published reports of
/// agencies that do not use Gongkai under the agency beneath CODE whose name each carries, or a new agency (kind
/// other, parent CODE). One line per file. Exit 0; 1 when a file was refused or a filed report has errors;
/// 2 when a file is unreadable or CODE is not an agency.
/// </summary>
public static class CollectCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("FILE|DIR") { Description = "已发布的年度报告文件，或包含这些文件的目录（可多个）", Arity = ArgumentArity.OneOrMore };
        var under = new Option<string>("--under") { Description = "监督机关代码：报告归入其下属机关", Required = true };
        var year = new Option<int?>("--year") { Description = "报告年度（报告未写明年度时使用；写明的年度不符时拒收）" };
        var database = DatabaseCommands.DatabaseOption();
        var command = new Command("collect", "收集下属机关已发布的年度报告（不使用本系统的机关），按机关名称归档") { inputs, under, year, database };
        command.SetAction(parse => Run(parse.GetValue(inputs)!, parse.GetValue(under)!, parse.GetValue(year), parse.GetValue(database), stdout, stderr));
        return command;
    }

    public static int Run(IReadOnlyList<string> inputs, string under, int? year, string? database, TextWriter stdout, TextWriter stderr)
    {
        var files = new List<(string Path, string Name)>();
        var exit = ExitCodes.Ok;
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal).Select(f => (f, Path.GetFileName(f))));
            }
            else
            {
                files.Add((input, Path.GetFileName(input)));
            }
        }

        if (files.Count == 0)
        {
            // Folders with no file in them: nothing to print a line for, and silence would look like success.
            stderr.WriteLine($"没有可收集的文件：{string.Join("、", inputs)} 中没有文件。");
            return ExitCodes.Unreadable;
        }

        return DatabaseCommands.WithDatabase(database, stderr, db =>
        {
            Database.Migrate(db);
            var collect = new CollectReports(db, TimeProvider.System);
            if (new UseCases.Organisation.AgencyDirectory(db).Find(under) is null)
            {
                stderr.WriteLine($"机关“{under}”不存在。");
                return ExitCodes.Unreadable;
            }

            // Files are read from disk as the collector asks for them (a few batches ahead) and written
            // CollectReports.BatchSize at a time, each batch in one transaction; a batch's lines are printed only once it is
            // committed, so every line printed is a file fully collected (or refused); a crash loses at most the batch
            // being written, whose files are then neither printed nor stored. Only the batches in hand are in memory.
            // A file refused before reading (missing, too large) keeps its place among the lines.
            var order = new ConcurrentQueue<(string Path, string? Refused)>();
            var error = collect.CollectAsync(under, Sources(), year, "命令行", null, (outcomes, _) =>
            {
                var k = 0;
                while (k < outcomes.Count && order.TryDequeue(out var next))
                {
                    if (next.Refused is { } refused)
                    {
                        stdout.WriteLine(refused);
                        exit = ExitCodes.Unreadable;
                        continue;
                    }

                    var outcome = outcomes[k++];
                    stdout.WriteLine(Line(next.Path, outcome));
                    exit = Math.Max(exit, outcome.Status switch
                    {
                        CollectStatus.Unreadable => ExitCodes.Unreadable,
                        CollectStatus.Filed or CollectStatus.NewAgency => outcome.Errors > 0 ? ExitCodes.Errors : ExitCodes.Ok,
                        _ => ExitCodes.Errors,
                    });
                }

                stdout.Flush();
                return Task.CompletedTask;
            }).GetAwaiter().GetResult();
            if (error is not null)
            {
                stderr.WriteLine(error);
                return ExitCodes.Unreadable;
            }

            foreach (var (_, refused) in order.Where(o => o.Refused is not null))
            {
                stdout.WriteLine(refused);
                exit = ExitCodes.Unreadable;
            }

            stdout.Flush();
            return exit;

            IEnumerable<CollectReports.SourceFile> Sources()
            {
                foreach (var (path, name) in files)
                {
                    // The size is checked before the file is read, as the web checks an upload's (issue 11).
                    var (bytes, failure) = ReportFileReader.ReadBytes(path);
                    if (bytes is null)
                    {
                        // The reader's message already says 无法读取文件：… (it was printed twice).
                        var why = string.Join("；", failure!.Diagnostics.Select(d => d.Message));
                        order.Enqueue((path, $"{path}: 未归档：{(why.StartsWith("无法读取", StringComparison.Ordinal) ? why : "无法读取：" + why)}"));
                        continue;
                    }

                    order.Enqueue((path, null));
                    yield return new CollectReports.SourceFile(name, bytes);
                }
            }
        }, mustExist: true);
    }

    private static string Line(string path, CollectOutcome o) => o.Stored
        ? string.Create(CultureInfo.InvariantCulture, $"{path}: {o.Message} → {o.AgencyCode} {o.AgencyName} {o.Year} 年度（错误 {o.Errors}，警告 {o.Warnings}，待确认 {o.Uncertain}，得分 {o.Score}）")
        : $"{path}: 未归档：{o.Message}";
}
