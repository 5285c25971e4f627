using System.CommandLine;
using Gongkai.Domain.Reports;

namespace Gongkai.Cli;

/// <summary><c>gongkai report template --edition 2019|2021 --to md|html|txt|docx</c>: a blank report to fill in.</summary>
public static class TemplateCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var edition = new Option<string>("--edition")
        {
            Description = "格式版本：2021（国办公开办函〔2021〕30号，2021 年度起）或 2019（国办公开办函〔2019〕60号，2019–2020 年度）",
            DefaultValueFactory = _ => "2021",
        }.AcceptOnlyFromAmong("2019", "2021");
        var to = ReportCommands.FormatOption();
        var output = ReportCommands.OutOption();
        var command = new Command("template", "生成空白年度报告模板（含全部法定栏目）") { edition, to, output };
        command.SetAction(parse =>
        {
            ReportEditions.TryParse(parse.GetValue(edition), out var e);
            return RenderCommand.Write(new AnnualReport(e), parse.GetValue(to)!, parse.GetValue(output), stdout, stderr);
        });
        return command;
    }
}
