using DocumentFormat.OpenXml.Packaging;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

public sealed class ReportRenderCommandTests
{
    private static readonly string Sample = RepoPaths.Samples("qingtongxia-2021.json");

    [Theory]
    [InlineData("md", RenderFormat.Markdown)]
    [InlineData("html", RenderFormat.Html)]
    [InlineData("txt", RenderFormat.Text)]
    public void Render_ToStdout_IsTheRenderedReport(string to, RenderFormat format)
    {
        var run = CliRun.Of("report", "render", Sample, "--to", to);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ReportRenderer.RenderToString(SampleReports.Qingtongxia2021(), format), run.Stdout);
    }

    [Fact]
    public void Render_DocxWithoutOut_RefusedAsUsage()
    {
        var run = CliRun.Of("report", "render", Sample, "--to", "docx");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Render_DocxToFile_OpensInWordFormat()
    {
        using var dir = new TempDir();
        var output = dir.File("report.docx");

        var run = CliRun.Of("report", "render", Sample, "--to", "docx", "--out", output);

        Assert.Equal(0, run.ExitCode);
        using var doc = WordprocessingDocument.Open(output, false);
        Assert.Contains("青铜峡市2021年政府信息公开工作年度报告", doc.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Render_UnreadableInput_ExitsTwoAndWritesNothing()
    {
        using var dir = new TempDir();
        var input = dir.File("bad.json", "not json at all");
        var output = dir.File("out.html");

        var run = CliRun.Of("report", "render", input, "--to", "html", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Render_OutIntoMissingDirectory_ExitsTwo()
    {
        var run = CliRun.Of("report", "render", Sample, "--to", "html", "--out", "/nonexistent-dir/x.html");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("目录不存在", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019", "第二十条第（九）项")]
    [InlineData("2021", "本年收费金额（单位：万元）")]
    public void Template_Edition_BlankReportWithEditionLabels(string edition, string label)
    {
        var run = CliRun.Of("report", "template", "--edition", edition, "--to", "txt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(label, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("（机关名称）XXXX年政府信息公开工作年度报告", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_Docx_WritesFile()
    {
        using var dir = new TempDir();
        var output = dir.File("template.docx");

        Assert.Equal(0, CliRun.Of("report", "template", "--edition", "2021", "--to", "docx", "--out", output).ExitCode);
        Assert.True(new FileInfo(output).Length > 2000);
    }
}
