using System.Text.Json;

namespace Gongkai.Cli.Tests;

public sealed class DatabaseCommandTests
{
    [Fact]
    public void MigrateSeedGenerate_Sqlite_GeneratedReportChecksWithoutErrors()
    {
        using var dir = new TempDir();
        var database = Path.Combine(dir.Path, "gongkai.db");
        var report = dir.File("report.json");

        Assert.Equal(0, CliRun.Of("db", "migrate", "--database", database).ExitCode);
        var seed = CliRun.Of("demo", "seed", "--database", database, "--agencies", "2", "--cases", "300", "--years", "2");
        var generate = CliRun.Of("report", "generate", "--database", database, "--agency", "DEMO", "--year", "2025", "--out", report);
        var check = CliRun.Of("report", "check", report, "--json");

        Assert.Equal(0, seed.ExitCode);
        Assert.Contains("600 件申请", seed.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, generate.ExitCode);
        Assert.Equal(0, check.ExitCode);
        using var doc = JsonDocument.Parse(check.Stdout);
        var entry = doc.RootElement[0];
        Assert.Equal(0, entry.GetProperty("errors").GetInt32());
        Assert.Equal("示例市人民政府办公室", entry.GetProperty("agency").GetString());
        using var generated = JsonDocument.Parse(File.ReadAllText(report));
        Assert.True(generated.RootElement.GetProperty("applications").GetProperty("apps.new_received").GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public void Generate_UnknownAgency_ExitsTwo()
    {
        using var dir = new TempDir();
        var database = Path.Combine(dir.Path, "gongkai.db");
        CliRun.Of("db", "migrate", "--database", database);

        var run = CliRun.Of("report", "generate", "--database", database, "--agency", "NOPE", "--year", "2025");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("找不到机关", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_UnreachablePostgres_ClearErrorExitTwo()
    {
        var run = CliRun.Of("db", "migrate", "--database", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("数据库错误", run.Stderr, StringComparison.Ordinal);
    }
}
