using System.Text.Json;

namespace Gongkai.Cli.Tests;

/// <summary>The <c>gongkai agency</c> contract: add, list (text and JSON), move, close; exit 0 / 1 / 2.</summary>
public sealed class AgencyCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Db => Path.Combine(_dir.Path, "gongkai.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddThenListJson_ReturnsEveryAgencyWithEnglishLevelKindAndParent()
    {
        Assert.Equal(0, CliRun.Of("agency", "add", "--code", "CITY", "--name", "示例市人民政府办公室", "--level", "city", "--kind", "government", "--database", Db).ExitCode);
        var dept = CliRun.Of("agency", "add", "--code", "CITY-EDU", "--name", "示例市教育局", "--parent", "CITY", "--database", Db);
        Assert.Equal(0, CliRun.Of("agency", "add", "--code", "TOWN-1", "--name", "示例街道办事处", "--parent", "CITY", "--level", "township", "--kind", "other", "--database", Db).ExitCode);

        var list = CliRun.Of("agency", "list", "--json", "--database", Db);

        Assert.Equal(0, dept.ExitCode);
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Stdout);
        var rows = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["code", "name", "level", "kind", "parent"], rows["CITY"].EnumerateObject().Select(p => p.Name));
        Assert.Equal("示例市人民政府办公室", rows["CITY"].GetProperty("name").GetString());
        Assert.Equal("city", rows["CITY"].GetProperty("level").GetString());
        Assert.Equal("government", rows["CITY"].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, rows["CITY"].GetProperty("parent").ValueKind);
        // Defaults under a parent: the parent's level, kind department.
        Assert.Equal("city", rows["CITY-EDU"].GetProperty("level").GetString());
        Assert.Equal("department", rows["CITY-EDU"].GetProperty("kind").GetString());
        Assert.Equal("CITY", rows["CITY-EDU"].GetProperty("parent").GetString());
        Assert.Equal("township", rows["TOWN-1"].GetProperty("level").GetString());
        Assert.Equal("other", rows["TOWN-1"].GetProperty("kind").GetString());
    }

    [Fact]
    public void List_Text_ShowsChineseLevelAndKind()
    {
        CliRun.Of("agency", "add", "--code", "PROV", "--name", "示例省人民政府", "--level", "province", "--database", Db);

        var list = CliRun.Of("agency", "list", "--database", Db);

        Assert.Equal(0, list.ExitCode);
        Assert.Contains("PROV\t示例省人民政府\t省\t人民政府\t上级：无", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void List_EmptyInstallation_EmptyArray()
    {
        var list = CliRun.Of("agency", "list", "--json", "--database", Db);

        Assert.Equal(0, list.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(list.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public void Add_DuplicateCode_ExitsOneWithChineseReasonAndKeepsTheFirst()
    {
        CliRun.Of("agency", "add", "--code", "A", "--name", "甲局", "--database", Db);

        var again = CliRun.Of("agency", "add", "--code", "A", "--name", "乙局", "--database", Db);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("机关代码“A”已存在", again.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRun.Of("agency", "list", "--json", "--database", Db).Stdout);
        Assert.Equal("甲局", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("NOPE", "上级机关“NOPE”不存在")]
    [InlineData("SELF", "不能以自身为上级")]
    public void Add_BadParent_ExitsOne(string parent, string reason)
    {
        var run = CliRun.Of("agency", "add", "--code", "SELF", "--name", "甲局", "--parent", parent, "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("[]", CliRun.Of("agency", "list", "--json", "--database", Db).Stdout.Trim());
    }

    /// <summary>
    /// Listing reads only: a path with no database (mistyped, or the repository root's data/ where the platform's is
    /// src/Gongkai.Web/data/gongkai.db) lists no agency, as an empty installation does, says so, and makes no file.
    /// </summary>
    [Fact]
    public void List_DatabaseFileMissing_NoneListed_SaidSo_NothingMade()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"gongkai-missing-{Guid.NewGuid():N}", "gongkai.db");

        var run = CliRun.Of("agency", "list", "--json", "--database", missing);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("[]", run.Stdout.Trim());
        Assert.Contains("数据库文件不存在", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public void Add_UnderClosedParent_ExitsOne()
    {
        CliRun.Of("agency", "add", "--code", "OLD", "--name", "原某局", "--database", Db);
        Assert.Equal(0, CliRun.Of("agency", "close", "--code", "OLD", "--on", "2026-01-05", "--database", Db).ExitCode);

        var run = CliRun.Of("agency", "add", "--code", "NEW", "--name", "某科", "--parent", "OLD", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("已撤销", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_UnderItsOwnDescendant_ExitsOneNamingTheCycle()
    {
        CliRun.Of("agency", "add", "--code", "A", "--name", "甲", "--database", Db);
        CliRun.Of("agency", "add", "--code", "B", "--name", "乙", "--parent", "A", "--database", Db);
        CliRun.Of("agency", "add", "--code", "C", "--name", "丙", "--parent", "B", "--database", Db);

        var run = CliRun.Of("agency", "move", "--code", "A", "--parent", "C", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("循环", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRun.Of("agency", "list", "--json", "--database", Db).Stdout);
        Assert.Equal(JsonValueKind.Null, json.RootElement.EnumerateArray().Single(e => e.GetProperty("code").GetString() == "A").GetProperty("parent").ValueKind);
    }

    [Theory]
    [InlineData("agency", "add", "--code", "A")]
    [InlineData("agency", "add", "--name", "甲")]
    [InlineData("agency", "add", "--code", "A", "--name", "甲", "--level", "district")]
    [InlineData("agency", "add", "--code", "A", "--name", "甲", "--kind", "ministry")]
    [InlineData("agency", "list", "--xml")]
    public void BadCommandLine_ExitsTwo(params string[] args)
    {
        var run = CliRun.Of([.. args, "--database", Db]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("用法错误", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_InvalidCode_ExitsOne()
    {
        var run = CliRun.Of("agency", "add", "--code", "有 空格", "--name", "甲", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("机关代码", run.Stderr, StringComparison.Ordinal);
    }
}
