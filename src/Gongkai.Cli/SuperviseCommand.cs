using System.CommandLine;
using System.Globalization;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Supervision;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai supervise --under CODE --year Y [--json] [--database DB]</c>: the supervisor's overview. JSON:
/// <c>{under, year, agencies: [{code, name, level, status, published_on, late, errors, warnings, score}], rollup}</c>
/// (level as in <c>agency list --json</c>; status 未开始/草稿/已发布/已收集; rollup the canonical report JSON, or null
/// when no agency has a report). Exit 0; 1 when a report has errors; 2 when CODE is not an agency.
/// </summary>
public static class SuperviseCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var under = new Option<string>("--under") { Description = "监督机关代码：列出其下属的全部机关", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var json = new Option<bool>("--json") { Description = "输出 JSON：{under, year, agencies, rollup}" };
        var database = DatabaseCommands.DatabaseOption();
        var command = new Command("supervise", "监督总览：下属机关年度报告的状态、是否逾期、错误、得分，及汇总") { under, year, json, database };
        command.SetAction(parse => DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
        {
            Database.Migrate(db);
            var overview = new SupervisionOverview(db, TimeProvider.System).BuildAsync(parse.GetValue(under)!, parse.GetValue(year)).GetAwaiter().GetResult();
            if (overview is null)
            {
                stderr.WriteLine($"机关“{parse.GetValue(under)}”不存在。");
                return ExitCodes.Unreadable;
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(SupervisionJson.Write(overview));
            }
            else
            {
                WriteText(overview, stdout);
            }

            return overview.Agencies.Any(a => a.Errors > 0) ? ExitCodes.Errors : ExitCodes.Ok;
        }));
        return command;
    }

    private static void WriteText(Overview overview, TextWriter stdout)
    {
        stdout.WriteLine($"{overview.UnderName}（{overview.Under}）下属机关 {overview.Year} 年度报告：{overview.Agencies.Count} 个");
        foreach (var a in overview.Agencies)
        {
            var on = a.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{a.Code}\t{a.Name}\t{a.Level.Label()}\t{a.Status}\t{on}\t{(a.Late ? "逾期" : "")}\t错误 {a.Errors}\t警告 {a.Warnings}\t得分 {(a.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) : "—")}"));
        }

        if (overview.Rollup?.Report is { } sum)
        {
            stdout.WriteLine($"汇总：{sum.Agency}，用 --json 查看汇总表格。");
        }
    }
}
