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

        return DatabaseCommands.WithDatabase(database, stderr, db =>
        {
            Database.Migrate(db);
            var collect = new CollectReports(db, TimeProvider.System);
            if (new UseCases.Organisation.AgencyDirectory(db).Find(under) is null)
            {
                stderr.WriteLine($"机关“{under}”不存在。");
                return ExitCodes.Unreadable;
            }

            // CollectReports.BatchSize files at a time: read on all cores, written in one transaction, and printed only once
            // committed, so every line printed is a file fully collected (or refused); a crash loses at most the batch
            // being written, whose files are then neither printed nor stored. Only a batch's bytes are held in memory.
            foreach (var batch in files.Chunk(CollectReports.BatchSize))
            {
                var lines = new string?[batch.Length];
                var sources = new List<(int At, CollectReports.SourceFile File)>();
                for (var i = 0; i < batch.Length; i++)
                {
                    var (path, name) = batch[i];
                    // The size is checked before the file is read, as the web checks an upload's (issue 11).
                    var (bytes, failure) = ReportFileReader.ReadBytes(path);
                    if (bytes is null)
                    {
                        lines[i] = $"{path}: 未归档：无法读取：{string.Join("；", failure!.Diagnostics.Select(d => d.Message))}";
                        exit = ExitCodes.Unreadable;
                        continue;
                    }

                    sources.Add((i, new CollectReports.SourceFile(name, bytes)));
                }

                var outcomes = collect.CollectAsync(under, sources.Select(s => s.File).ToList(), year, "命令行").GetAwaiter().GetResult().Files;
                for (var k = 0; k < outcomes.Count; k++)
                {
                    var (at, _) = sources[k];
                    var outcome = outcomes[k];
                    lines[at] = Line(batch[at].Path, outcome);
                    var code = outcome.Status switch
                    {
                        CollectStatus.Unreadable => ExitCodes.Unreadable,
                        CollectStatus.Filed or CollectStatus.NewAgency => outcome.Errors > 0 ? ExitCodes.Errors : ExitCodes.Ok,
                        _ => ExitCodes.Errors,
                    };
                    exit = Math.Max(exit, code);
                }

                foreach (var line in lines)
                {
                    stdout.WriteLine(line);
                }

                stdout.Flush();
            }

            return exit;
        });
    }

    private static string Line(string path, CollectOutcome o) => o.Stored
        ? string.Create(CultureInfo.InvariantCulture, $"{path}: {o.Message} → {o.AgencyCode} {o.AgencyName} {o.Year} 年度（错误 {o.Errors}，警告 {o.Warnings}，待确认 {o.Uncertain}，得分 {o.Score}）")
        : $"{path}: 未归档：{o.Message}";
}
