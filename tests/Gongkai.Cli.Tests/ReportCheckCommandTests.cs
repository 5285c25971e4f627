using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

public sealed class ReportCheckCommandTests
{
    private static readonly string Sample = RepoPaths.Samples("qingtongxia-2021.json");

    [Fact]
    public void Check_SampleWithOnlyWarnings_ExitsZeroOneLinePerDiagnostic()
    {
        var run = CliRun.Of("report", "check", Sample);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{Sample}: warning GK3002 sec1: 一、总体情况共 1396 字，超过格式要求的原则上不超过 1000 字\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Check_TablesDoNotAddUp_ExitsOneWithLocatedErrors()
    {
        using var dir = new TempDir();
        var report = SampleReports.Qingtongxia2021();
        report.SetApplications("apps.outcome.granted", ApplicantColumn.NaturalPerson, 9);
        var file = dir.File("bad.json", CanonicalJsonWriter.Write(report));

        var run = CliRun.Of("report", "check", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{file}: error GK2002 表三 apps.outcome.total@natural_person: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file}: error GK2003 表三 apps.outcome.granted@total: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingFile_ExitsTwoWithClearMessage()
    {
        var run = CliRun.Of("report", "check", "/nonexistent/report.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error GK1001", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("文件不存在", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"edition\": \"2021\", \"year\": ", "GK1002")]
    [InlineData("{ \"edition\": \"2023\" }", "GK1003")]
    public void Check_UnreadableJson_ExitsTwo(string content, string code)
    {
        using var dir = new TempDir();
        var file = dir.File("broken.json", content);

        var run = CliRun.Of("report", "check", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error {code}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BinaryJunk_ExitsTwo()
    {
        using var dir = new TempDir();
        var file = dir.File("junk.bin");
        File.WriteAllBytes(file, [0xFF, 0x00, 0xC3, 0x28, 0x80, 0x81]);

        var run = CliRun.Of("report", "check", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GK1001", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HugeFile_RefusedUnread()
    {
        using var dir = new TempDir();
        var file = dir.File("huge.json");
        using (var stream = File.Create(file))
        {
            stream.SetLength(100L * 1024 * 1024);
        }

        var run = CliRun.Of("report", "check", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GK1007", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SeveralFiles_WorstExitCodeWins()
    {
        using var dir = new TempDir();
        var broken = dir.File("broken.json", "{");

        Assert.Equal(2, CliRun.Of("report", "check", Sample, broken).ExitCode);
        Assert.Equal(0, CliRun.Of("report", "check", Sample, Sample).ExitCode);
    }

    [Fact]
    public void Check_Json_MachineReadableDiagnostics()
    {
        var run = CliRun.Of("report", "check", Sample, "--json");

        using var doc = JsonDocument.Parse(run.Stdout);
        var entry = Assert.Single(doc.RootElement.EnumerateArray().ToArray());
        Assert.Equal(Sample, entry.GetProperty("file").GetString());
        Assert.Equal("青铜峡市", entry.GetProperty("agency").GetString());
        Assert.Equal(2021, entry.GetProperty("year").GetInt32());
        var d = Assert.Single(entry.GetProperty("diagnostics").EnumerateArray().ToArray());
        Assert.Equal("GK3002", d.GetProperty("code").GetString());
        Assert.Equal("warning", d.GetProperty("severity").GetString());
        Assert.Equal("sec1", d.GetProperty("location").GetProperty("section").GetString());
    }

    [Fact]
    public void Check_WithPrevious_RunsCrossYearRules()
    {
        using var dir = new TempDir();
        var previous = SampleReports.Qingtongxia2021();
        previous.Year = 2020;
        previous.SetApplications(ApplicationKeys.CarriedForward, ApplicantColumn.NaturalPerson, 3);
        var file = dir.File("2020.json", CanonicalJsonWriter.Write(previous));

        var run = CliRun.Of("report", "check", Sample, "--previous", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error GK2006 表三 apps.carried_over@natural_person", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning GK2007", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("warning GK3011", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "check")]
    [InlineData("report", "check", "--bogus", "x.json")]
    [InlineData("report", "render", "x.json", "--to", "pdf")]
    [InlineData("report", "template", "--edition", "2020", "--to", "md")]
    [InlineData("nonsense")]
    public void BadUsage_ExitsTwoWithMessage(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("用法错误", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ExitsZeroInChinese()
    {
        var run = CliRun.Of("report", "check", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("检查年度报告", run.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("说明：", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法信息", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Description", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("（必需）", CliRun.Of("report", "collect", "--help").Stdout, StringComparison.Ordinal);
    }
}
