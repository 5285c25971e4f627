using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

public sealed class ReportRollupCommandTests
{
    // Seeds 000 (2019 layout), 003 and 004 (2021 layout) are all 2021 reports; 001 is 2024.
    private static string Seed(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds", name);

    [Fact]
    public void Rollup_PublishedFilesOfMixedLayouts_CanonicalJson2021LayoutSumsAndMappingDiagnostic()
    {
        var run = CliRun.Of("report", "rollup", Seed("000_e915323f145c723a.txt"), Seed("003_d0847865937e94fe.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"));

        Assert.Equal(0, run.ExitCode);
        var read = CanonicalJsonReader.Read(run.Stdout);
        Assert.Empty(read.Diagnostics);
        var sum = read.Report!;
        Assert.Equal(ReportEdition.Edition2021, sum.Edition);
        Assert.Equal("汇总（3个机关）", sum.Agency);
        Assert.Equal(2021, sum.Year);
        var inputs = new[] { "000_e915323f145c723a.txt", "003_d0847865937e94fe.txt", "004_6c1bbe7f11dcd8e6.txt" }
            .Select(f => CanonicalJsonReader.Read(CliRun.Of("report", "import", Seed(f)).Stdout).Report!).ToArray();
        Assert.Equal(inputs.Sum(r => r.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total)), sum.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
        Assert.Equal(inputs.Sum(r => r.GetReview("review.total")), sum.GetReview("review.total"));
        Assert.Contains("汇总: warning GK5001", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("000_e915323f145c723a.txt: warning GK3001", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_Json_DiagnosticsOfInputsAndMappingAndContributorsEmbedded()
    {
        var run = CliRun.Of("report", "rollup", Seed("000_e915323f145c723a.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("汇总（2个机关）", root.GetProperty("agency").GetString());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "GK5001" && d.GetProperty("source").GetString() == "汇总");
        Assert.Contains(diagnostics, d => d.GetProperty("code").GetString() == "GK3002" && d.GetProperty("source").GetString()!.EndsWith("004_6c1bbe7f11dcd8e6.txt", StringComparison.Ordinal));
        var contributors = root.GetProperty("contributions").GetProperty("三/apps.new_received/total").EnumerateArray()
            .Select(c => c.GetProperty("agency").GetString()!).ToArray();
        Assert.Equal(["石嘴山市信访局", "青铜峡市"], contributors);
        var sources = root.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("agency").GetString(), s.GetProperty("file").GetString())).ToArray();
        Assert.Equal([("石嘴山市信访局", "000_e915323f145c723a.txt"), ("青铜峡市", "004_6c1bbe7f11dcd8e6.txt")], sources);
    }

    [Fact]
    public void Rollup_DifferentYears_ExitsTwoNothingOnStdout()
    {
        var run = CliRun.Of("report", "rollup", Seed("000_e915323f145c723a.txt"), Seed("001_ee45b9e2cb004431.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("GK5002", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_UnreadableInput_ExitsTwo()
    {
        using var dir = new TempDir();
        var run = CliRun.Of("report", "rollup", Seed("004_6c1bbe7f11dcd8e6.txt"), dir.File("missing.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GK1001", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_InputWithErrors_ExitsOneAndStillRollsUp()
    {
        using var dir = new TempDir();
        var bad = SampleReports.Qingtongxia2021();
        bad.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total, 999);
        var ok = RandomReports.Create(3, ReportEdition.Edition2021);
        ok.Year = bad.Year;
        File.WriteAllText(dir.File("bad.json"), CanonicalJsonWriter.Write(bad));
        File.WriteAllText(dir.File("ok.html"), ReportRenderer.RenderToString(ok, RenderFormat.Html));

        var run = CliRun.Of("report", "rollup", dir.File("bad.json"), dir.File("ok.html"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("汇总（2个机关）", CanonicalJsonReader.Read(run.Stdout).Report!.Agency);
        Assert.Contains("bad.json: error GK2003", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rollup_SameAgencyTwice_ExitsOne()
    {
        var run = CliRun.Of("report", "rollup", Seed("004_6c1bbe7f11dcd8e6.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GK5006", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rollup.json")]
    [InlineData("rollup.docx")]
    [InlineData("rollup.html")]
    public void Rollup_Out_WritesJsonOrRendersByExtension(string name)
    {
        using var dir = new TempDir();
        var path = dir.File(name);

        var run = CliRun.Of("report", "rollup", Seed("003_d0847865937e94fe.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"), "--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Stdout);
        var reread = Gongkai.Reporting.Parsing.ReportFileReader.ReadFile(path);
        Assert.Equal("汇总（2个机关）", reread.Report!.Agency);
    }

    [Fact]
    public void Rollup_JsonAndOutADocx_TheJsonWithItsDiagnosticsStillPrinted()
    {
        using var dir = new TempDir();
        var path = dir.File("rollup.docx");

        var run = CliRun.Of("report", "rollup", Seed("004_6c1bbe7f11dcd8e6.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"), "--json", "--out", path);

        Assert.Equal(1, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Contains(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "GK5006");
        Assert.True(File.Exists(path));
    }
}
