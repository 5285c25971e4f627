using System.CommandLine;

namespace Gongkai.Cli;

/// <summary><c>gongkai report …</c>: check, import, render, template and roll up.</summary>
public static class ReportCommands
{
    public static Command Build(TextWriter stdout, TextWriter stderr) => new("report", "年度报告：检查、导入、排版、空白模板")
    {
        CheckCommand.Build(stdout, stderr),
        RenderCommand.Build(stdout, stderr),
        TemplateCommand.Build(stdout, stderr),
        ImportCommand.Build(stdout, stderr),
        RollupCommand.Build(stdout, stderr),
        CollectCommand.Build(stdout, stderr),
        DatabaseCommands.Generate(stdout, stderr),
    };

    /// <summary>The --to option shared by render and template.</summary>
    public static Option<string> FormatOption() => new Option<string>("--to")
    {
        Description = "输出格式：md（Markdown）、html（可打印网页）、txt（制表符分隔的纯文本）、docx（Word）",
        Required = true,
    }.AcceptOnlyFromAmong("md", "html", "txt", "docx");

    public static Option<FileInfo?> OutOption() => new("--out", "-o")
    {
        Description = "输出文件路径；省略时写到标准输出（docx 必须指定）",
    };
}
