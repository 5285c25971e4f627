namespace Gongkai.Cli.Tests;

/// <summary>
/// A command that only reads, or needs agencies already there, given a SQLite file that does not exist: refused (exit
/// 2) naming the file, and nothing made — before, a mistyped path got a new empty database and "机关不存在". `agency list`
/// keeps its contract: an installation with no database yet has no agencies (`[]`). Also the other refusals a user's
/// tour met before anything is opened: an empty folder to collect, usage errors in English.
/// </summary>
public sealed class MissingDatabaseTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "supervise", "--under", "DEMO", "--year", "2025" },
        new[] { "agency", "move", "--code", "A", "--parent", "B" },
        new[] { "agency", "close", "--code", "A" },
        new[] { "report", "generate", "--agency", "DEMO", "--year", "2025" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void ReadingCommand_NoSuchFile_Exit2_NamesIt_MakesNothing(string[] command)
    {
        var db = Path.Combine(_dir.Path, "typo", "gongkai.db");

        var run = CliRun.Of([.. command, "--database", db]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"数据库文件不存在：{db}。", run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "typo")));
    }

    [Fact]
    public void Collect_NoSuchFile_Exit2_MakesNothing()
    {
        var report = Path.Combine(_dir.Path, "r.txt");
        File.WriteAllText(report, "示例市教育局2025年政府信息公开工作年度报告");
        var db = Path.Combine(_dir.Path, "typo.db");

        var run = CliRun.Of("report", "collect", report, "--under", "DEMO", "--database", db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"数据库文件不存在：{db}。", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Migrate_NewFile_SaysItWasCreated_ThenUpToDate()
    {
        var db = Path.Combine(_dir.Path, "fresh.db");

        var first = CliRun.Of("db", "migrate", "--database", db);
        var second = CliRun.Of("db", "migrate", "--database", db);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.StartsWith($"已创建数据库 {db}，结构为最新", first.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("数据库已是最新结构", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_AnEmptyFolder_Exit2_SaidSo()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir.Path, "empty")).FullName;

        var run = CliRun.Of("report", "collect", empty, "--under", "DEMO", "--database", Path.Combine(_dir.Path, "x.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"没有可收集的文件：{empty} 中没有文件。", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageError_InChinese_NoDotNetTypeName()
    {
        var run = CliRun.Of("supervise", "--under", "DEMO", "--year", "abc");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("用法错误：", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot parse", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Nullable", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "supervise", "--year", "2025" }, "用法错误：缺少必需的选项 --under。")]
    [InlineData(new[] { "supervise", "--under", "DEMO", "--year", "abc" }, "用法错误：--year 的值“abc”无法读取，应为整数。")]
    [InlineData(new[] { "superviser" }, "用法错误：未识别命令或参数“superviser”。")]
    [InlineData(new[] { "supervise", "--under", "A", "--under", "B", "--year", "2025" }, "用法错误：选项 --under 只能给一个值，给了 2 个。")]
    [InlineData(new[] { "supervise", "--year", "2025", "--under" }, "用法错误：选项缺少所需参数：“--under”。")]
    [InlineData(new[] { "report" }, "用法错误：未提供必需的命令。\n")]
    [InlineData(new[] { "report", "import" }, "用法错误：命令“import”缺少所需参数“FILE|DIR”。")]
    public void UsageErrors_SaidInChinese(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
    }
}
