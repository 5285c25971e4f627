using System.Text.Json;
using Gongkai.Testing;

namespace Gongkai.Cli.Tests;

/// <summary>The contracts of <c>gongkai report collect</c> and <c>gongkai supervise</c>.</summary>
public sealed class SuperviseCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Db => Path.Combine(_dir.Path, "gongkai.db");

    private static string Seed(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds", name);

    public void Dispose() => _dir.Dispose();

    private void Agencies()
    {
        Assert.Equal(0, CliRun.Of("agency", "add", "--code", "CITY", "--name", "示例市人民政府", "--level", "city", "--kind", "government", "--database", Db).ExitCode);
        Assert.Equal(0, CliRun.Of("agency", "add", "--code", "CITY-XF", "--name", "鼓楼区信访局", "--parent", "CITY", "--database", Db).ExitCode);
        Assert.Equal(0, CliRun.Of("agency", "add", "--code", "CITY-EDU", "--name", "示例市教育局", "--parent", "CITY", "--database", Db).ExitCode);
    }

    [Fact]
    public void Collect_FolderAndFile_OneLinePerFileMatchedByNameOrNewAgency()
    {
        Agencies();
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, "in")).FullName;
        File.Copy(Seed("003_d0847865937e94fe.txt"), Path.Combine(folder, "a.txt"));
        File.Copy(Seed("004_6c1bbe7f11dcd8e6.txt"), Path.Combine(folder, "b.txt"));

        var run = CliRun.Of("report", "collect", folder, Seed("000_e915323f145c723a.txt"), "--under", "CITY", "--year", "2021", "--database", Db);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("a.txt: 已归档 → CITY-XF 鼓楼区信访局 2021 年度", lines[0], StringComparison.Ordinal);
        Assert.Contains("b.txt: 新建机关 CITY-x1（其他）并归档 → CITY-x1 青铜峡市 2021 年度", lines[1], StringComparison.Ordinal);
        Assert.Contains("石嘴山市信访局", lines[2], StringComparison.Ordinal);
        using var list = JsonDocument.Parse(CliRun.Of("agency", "list", "--json", "--database", Db).Stdout);
        var made = list.RootElement.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "青铜峡市");
        Assert.Equal(("other", "CITY"), (made.GetProperty("kind").GetString(), made.GetProperty("parent").GetString()));
    }

    [Fact]
    public void Collect_FileRefusedBeforeReading_KeepsItsPlaceAmongTheLines_ExitsTwo()
    {
        Agencies();
        var huge = _dir.File("huge.txt");
        using (var file = File.Create(huge))
        {
            file.SetLength(65 * 1024L * 1024);
        }

        var missing = Path.Combine(_dir.Path, "missing.txt");

        var run = CliRun.Of("report", "collect", missing, Seed("003_d0847865937e94fe.txt"), huge, Seed("004_6c1bbe7f11dcd8e6.txt"), missing,
            "--under", "CITY", "--year", "2021", "--database", Db);

        Assert.Equal(2, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains("missing.txt: 未归档：无法读取文件：", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("无法读取：无法读取", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("003_d0847865937e94fe.txt: 已归档 → CITY-XF", lines[1], StringComparison.Ordinal);
        Assert.Contains("huge.txt: 未归档：无法读取：文件过大", lines[2], StringComparison.Ordinal);
        Assert.Contains("004_6c1bbe7f11dcd8e6.txt: 新建机关 CITY-x1", lines[3], StringComparison.Ordinal);
        Assert.Contains("missing.txt: 未归档：无法读取", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_UnknownUnder_ExitsTwo_WrongYear_ExitsOne()
    {
        Agencies();

        var unknown = CliRun.Of("report", "collect", Seed("003_d0847865937e94fe.txt"), "--under", "NOPE", "--database", Db);
        var wrongYear = CliRun.Of("report", "collect", Seed("003_d0847865937e94fe.txt"), "--under", "CITY", "--year", "2020", "--database", Db);
        var notReport = CliRun.Of("report", "collect", _dir.File("n.txt", "关于开会的通知"), "--under", "CITY", "--database", Db);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("NOPE", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, wrongYear.ExitCode);
        Assert.Contains("未归档：报告是 2021 年度的，不是 2020 年度", wrongYear.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, notReport.ExitCode);
        Assert.Contains("n.txt: 未归档：无法读取", notReport.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Supervise_Json_ExactShapeStatusesAndRollup()
    {
        Agencies();
        CliRun.Of("report", "collect", Seed("003_d0847865937e94fe.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"), "--under", "CITY", "--database", Db);

        var run = CliRun.Of("supervise", "--under", "CITY", "--year", "2021", "--json", "--database", Db);

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["under", "year", "agencies", "rollup"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("CITY", root.GetProperty("under").GetString());
        Assert.Equal(2021, root.GetProperty("year").GetInt32());
        var agencies = root.GetProperty("agencies").EnumerateArray().ToDictionary(a => a.GetProperty("code").GetString()!);
        Assert.Equal(3, agencies.Count);
        Assert.Equal(["code", "name", "level", "status", "published_on", "late", "errors", "warnings", "score"], agencies["CITY-XF"].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("已收集", "city"), (agencies["CITY-XF"].GetProperty("status").GetString(), agencies["CITY-XF"].GetProperty("level").GetString()));
        Assert.Equal("未开始", agencies["CITY-EDU"].GetProperty("status").GetString());
        Assert.True(agencies["CITY-EDU"].GetProperty("late").GetBoolean()); // 31 January 2022 has long passed
        Assert.Equal(JsonValueKind.Null, agencies["CITY-EDU"].GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Number, agencies["CITY-XF"].GetProperty("score").ValueKind);
        var rollup = Gongkai.Reporting.Json.CanonicalJsonReader.Read(root.GetProperty("rollup").GetRawText());
        Assert.Equal("汇总（2个机关）", rollup.Report!.Agency);
        Assert.Empty(rollup.Diagnostics);
    }

    [Fact]
    public void Supervise_Contributions_OneCellOrAll_AsTheWebApi_BadCellExitsTwo()
    {
        Agencies();
        CliRun.Of("report", "collect", Seed("003_d0847865937e94fe.txt"), Seed("004_6c1bbe7f11dcd8e6.txt"), "--under", "CITY", "--database", Db);
        const string Cell = "三/apps.new_received/total";

        var one = CliRun.Of("supervise", "--under", "CITY", "--year", "2021", "--contributions", Cell, "--database", Db);
        var all = CliRun.Of("supervise", "--under", "CITY", "--year", "2021", "--contributions", "--database", Db);
        var bad = CliRun.Of("supervise", "--under", "CITY", "--year", "2021", "--contributions", "三/nothing", "--database", Db);
        var unknown = CliRun.Of("supervise", "--under", "CITY", "--year", "2021", "--contributions", "三/nope.row/total", "--database", Db);

        Assert.Equal(0, one.ExitCode);
        using var doc = JsonDocument.Parse(one.Stdout);
        Assert.Equal(["under", "year", "cells"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var cell = Assert.Single(doc.RootElement.GetProperty("cells").EnumerateObject());
        Assert.Equal(Cell, cell.Name);
        var contributions = cell.Value.GetProperty("contributions").EnumerateArray().ToList();
        Assert.Equal(["CITY-XF", "CITY-x1"], contributions.Select(c => c.GetProperty("code").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(contributions.Sum(c => c.GetProperty("value").GetDecimal()), cell.Value.GetProperty("total").GetDecimal());
        using var every = JsonDocument.Parse(all.Stdout);
        var cells = every.RootElement.GetProperty("cells");
        Assert.True(cells.EnumerateObject().Count() > 10);
        Assert.Equal(cell.Value.GetRawText(), cells.GetProperty(Cell).GetRawText());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("不是汇总表的单元格", bad.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("不是汇总表的单元格", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Supervise_NothingYet_RollupNull_UnknownUnder_ExitsTwo()
    {
        Agencies();

        using var doc = JsonDocument.Parse(CliRun.Of("supervise", "--under", "CITY", "--year", "2024", "--json", "--database", Db).Stdout);
        var missing = CliRun.Of("supervise", "--under", "NOPE", "--year", "2024", "--database", Db);

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("rollup").ValueKind);
        Assert.Equal(2, missing.ExitCode);
    }

    /// <summary>A year no report can have: exit 2 with a message naming it (9999 printed an English DateTime error as a database error).</summary>
    [Theory]
    [InlineData("9999")]
    [InlineData("1999")]
    [InlineData("-1")]
    public void Supervise_YearNoReportCanHave_ExitTwoNamingIt(string year)
    {
        Agencies();

        var run = CliRun.Of("supervise", "--under", "CITY", "--year", year, "--json", "--database", Db);
        var collect = CliRun.Of("report", "collect", Seed("003_d0847865937e94fe.txt"), "--under", "CITY", "--year", year, "--database", Db);

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.StartsWith($"年度 {year} 无效：应为 2019—", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, collect.ExitCode);
        Assert.Contains($"年度 {year} 无效", collect.Stderr, StringComparison.Ordinal);
    }
}
