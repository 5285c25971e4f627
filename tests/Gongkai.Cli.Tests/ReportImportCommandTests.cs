using System.Text.Json;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

public sealed class ReportImportCommandTests
{
    private static string Seed(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds", name);

    [Fact]
    public void Import_PublishedText_CanonicalJsonOnStdoutDiagnosticsOnStderr()
    {
        var run = CliRun.Of("report", "import", Seed("002_27ba3d77fbcff05a.txt"));

        Assert.Equal(0, run.ExitCode);
        var report = CanonicalJsonReader.Read(run.Stdout);
        Assert.Empty(report.Diagnostics);
        Assert.Equal("内蒙古自治区信访局", report.Report!.Agency);
        Assert.Contains("warning GK4005 92:1", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Json_DiagnosticsEmbedded()
    {
        var run = CliRun.Of("report", "import", Seed("001_ee45b9e2cb004431.txt"), "--json");

        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2021", doc.RootElement.GetProperty("edition").GetString());
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "GK4017");
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Import_NotAReport_ExitsTwo()
    {
        using var dir = new TempDir();
        var file = dir.File("notice.txt", "关于召开会议的通知\n请准时参加。\n");

        var run = CliRun.Of("report", "import", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GK4001", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Check_PublishedFiles_ImportPlusValidation()
    {
        var run = CliRun.Of("report", "check", Seed("000_e915323f145c723a.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("000_e915323f145c723a.txt: warning GK3001 meta.edition", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("004_6c1bbe7f11dcd8e6.txt: warning GK3002 sec1", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportDirectory_MixedFiles_OneLinePerFileBadFileRecordedSummaryPrinted()
    {
        using var dir = new TempDir();
        File.Copy(Seed("004_6c1bbe7f11dcd8e6.txt"), dir.File("a.txt"));
        var bad = SampleReports.Qingtongxia2021();
        bad.SetApplications("apps.outcome.granted", ApplicantColumn.NaturalPerson, 9);
        File.WriteAllText(dir.File("b.html"), ReportRenderer.RenderToString(bad, RenderFormat.Html));
        File.WriteAllBytes(dir.File("c.pdf"), [0x25, 0x50, 0x44, 0x46, 0x2D, 0x00, 0x01]);
        File.WriteAllBytes(dir.File("d.bin"), [0xFF, 0xFE, 0x00, 0xD8, 0x00]);
        using var output = new TempDir();
        var jsonl = output.File("results.jsonl");
        var csv = output.File("results.csv");

        var run = CliRun.Of("report", "import", dir.Path, "--out", jsonl, "--csv", csv);

        Assert.Equal(2, run.ExitCode);
        var lines = File.ReadAllLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(4, lines.Length);
        var byFile = lines.ToDictionary(l => l.GetProperty("file").GetString()!, l => l);
        Assert.Equal("clean", byFile["a.txt"].GetProperty("status").GetString());
        Assert.Equal("青铜峡市", byFile["a.txt"].GetProperty("report").GetProperty("agency").GetString());
        Assert.Equal("errors", byFile["b.html"].GetProperty("status").GetString());
        Assert.Equal("unreadable", byFile["c.pdf"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, byFile["c.pdf"].GetProperty("report").ValueKind);
        Assert.NotEmpty(byFile["d.bin"].GetProperty("diagnostics").EnumerateArray());
        Assert.Contains("共 4 个文件：导入无误 1 个，有错误 1 个，无法读取 2 个。", run.Stderr, StringComparison.Ordinal);

        var rows = File.ReadAllLines(csv);
        Assert.Equal(5, rows.Length);
        var header = rows[0].Split(',');
        Assert.Contains("apps.outcome.granted@natural_person", header);
        Assert.Contains("proactive2019.art20_9.central_procurement.items", header);
        var a = rows.Single(r => r.StartsWith("a.txt,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("15954.526468", a[Array.IndexOf(header, "proactive.art20_8.admin_fees.amount_wan_yuan")]);
        Assert.Equal("20", a[Array.IndexOf(header, "apps.new_received@total")]);
        Assert.Empty(Directory.GetFiles(output.Path, "*.partial"));
    }

    [Fact]
    public void ImportDirectory_WithoutOut_IsUsageError()
    {
        using var dir = new TempDir();

        var run = CliRun.Of("report", "import", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }
}
