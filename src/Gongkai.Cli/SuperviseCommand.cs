using System.CommandLine;
using System.Globalization;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Reporting.Aggregation;
using Gongkai.UseCases.Supervision;

namespace Gongkai.Cli;

/// <summary>
/// <c>gongkai supervise --under CODE --year Y [--json] [--database DB]</c>: the supervisor's overview. JSON:
/// <c>{under, year, agencies: [{code, name, level, status, published_on, late, errors, warnings, score}], rollup}</c>
/// (level as in <c>agency list --json</c>; status 未开始/草稿/已发布/已收集; rollup the canonical report JSON, or null
/// when no agency has a report). Exit 0; 1 when a report has errors; 2 when CODE is not an agency.
/// <c>--contributions [CELL]</c> prints instead who makes up the roll-up's figures, the JSON of the web's
/// <c>/api/supervise/{code}/{year}/contributions[?cell=]</c>: <c>{under, year, cells: {CELL: {total, contributions:
/// [{code, agency, value}]}}}</c>, for one cell or every cell with a figure (exit 2 when CELL is not a cell).
/// </summary>
public static class SuperviseCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var under = new Option<string>("--under") { Description = "监督机关代码：列出其下属的全部机关", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度", Required = true };
        var json = new Option<bool>("--json") { Description = "输出 JSON：{under, year, agencies, rollup}" };
        // As the web's /api/supervise/{code}/{year}/contributions[?cell=]: apart from the overview, whose JSON is a contract.
        var contributions = new Option<string?>("--contributions")
        {
            Description = "输出汇总数字的来源（JSON）：某一单元格（如 三/apps.new_received/total）或省略单元格时全部单元格由哪些机关、各报多少构成",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = "CELL",
        };
        var database = DatabaseCommands.DatabaseOption();
        var command = new Command("supervise", "监督总览：下属机关年度报告的状态、是否逾期、错误、得分，及汇总") { under, year, json, contributions, database };
        command.SetAction(parse => DatabaseCommands.WithDatabase(parse.GetValue(database), stderr, db =>
        {
            if (ReportYears.Problem(parse.GetValue(year), TimeProvider.System) is { } badYear)
            {
                stderr.WriteLine(badYear);
                return ExitCodes.Unreadable;
            }

            Database.Migrate(db);
            var overview = new SupervisionOverview(db, TimeProvider.System).BuildAsync(parse.GetValue(under)!, parse.GetValue(year)).GetAwaiter().GetResult();
            if (overview is null)
            {
                stderr.WriteLine($"机关“{parse.GetValue(under)}”不存在。");
                return ExitCodes.Unreadable;
            }

            if (parse.GetResult(contributions) is not null)
            {
                CellAddress? one = null;
                if (parse.GetValue(contributions) is { } cell)
                {
                    if (!CellAddress.TryParse(cell, out var parsed) || !parsed.InEitherLayout)
                    {
                        stderr.WriteLine($"“{cell}”不是汇总表的单元格，应形如 三/apps.new_received/total、四/review.upheld 或 二/…。");
                        return ExitCodes.Unreadable;
                    }

                    one = parsed;
                }

                stdout.WriteLine(ContributionsJson.Write(overview, one));
            }
            else if (parse.GetValue(json))
            {
                stdout.WriteLine(SupervisionJson.Write(overview));
            }
            else
            {
                WriteText(overview, stdout);
            }

            return overview.Agencies.Any(a => a.Errors > 0) ? ExitCodes.Errors : ExitCodes.Ok;
        }, mustExist: true));
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
