namespace Gongkai.Cli.Tests;

public sealed class DeadlineCommandTests
{
    [Fact]
    public void Deadline_AcrossNationalDay_DueLineThenExplanation()
    {
        var run = CliRun.Of("deadline", "--received", "2024-09-30", "--channel", "online");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("due: 2024-11-01", lines[0]);
        Assert.Contains("互联网渠道", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("调休上班日：2024-10-12", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadline_ExtensionAndPauses_Applied()
    {
        var run = CliRun.Of("deadline", "--received", "2025-01-20", "--extend", "5", "--pause", "2025-02-05..2025-02-07");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("due: 2025-03-05", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("暂停计算", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--received", "2024/09/30")]
    [InlineData("--received", "2024-09-30", "--extend", "21")]
    [InlineData("--received", "2024-09-30", "--pause", "2024-10-09")]
    [InlineData("--received", "2024-09-30", "--pause", "2024-10-09..2024-10-01")]
    [InlineData("--received", "2024-09-30", "--channel", "pigeon")]
    public void Deadline_BadUsage_ExitsTwo(params string[] args)
    {
        var run = CliRun.Of(["deadline", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("用法错误", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_CalendarFile_OverridesEmbeddedData()
    {
        using var dir = new TempDir();
        var file = dir.File("2027.csv", "date,kind,name\n2027-02-05,holiday,春节\n2027-02-08,holiday,春节\n2027-02-09,holiday,春节\n2027-02-10,holiday,春节\n2027-02-11,holiday,春节\n2027-02-20,workday,春节\n");

        var withFile = CliRun.Of("deadline", "--received", "2027-02-01", "--calendar", file);
        var without = CliRun.Of("deadline", "--received", "2027-02-01");

        Assert.StartsWith("due: 2027-03-05", withFile.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("due: 2027-03-01", without.Stdout, StringComparison.Ordinal);
        Assert.Contains("2027 年的节假日安排不在日历数据中", without.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("不在日历数据中", withFile.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_MalformedCalendarFile_ExitsTwo()
    {
        using var dir = new TempDir();
        var file = dir.File("bad.csv", "2027-02-05,off,春节\n");

        var run = CliRun.Of("deadline", "--received", "2027-02-01", "--calendar", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("应为 holiday 或 workday", run.Stderr, StringComparison.Ordinal);
    }

    private const int CalendarLimit = 1024 * 1024;

    private const string Spring2027 = "date,kind,name\n2027-02-05,holiday,春节\n2027-02-08,holiday,春节\n2027-02-09,holiday,春节\n2027-02-10,holiday,春节\n2027-02-11,holiday,春节\n2027-02-20,workday,春节\n";

    [Fact]
    public void Deadline_GbkCalendarFile_ReadWithItsChineseNames()
    {
        using var dir = new TempDir();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var file = dir.File("2027-gbk.csv");
        File.WriteAllBytes(file, System.Text.Encoding.GetEncoding("GBK").GetBytes(Spring2027));

        var run = CliRun.Of("deadline", "--received", "2027-02-01", "--calendar", file);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("due: 2027-03-05", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("节假日：春节 2027-02-05", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("春节调休", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', run.Stdout);
    }

    [Fact]
    public void Deadline_CalendarFileOverOneMegabyte_RefusedUnread_ExitsTwo()
    {
        using var dir = new TempDir();
        // A good file padded with blank lines past the limit: the content would parse, the size alone refuses it.
        var file = dir.File("huge.csv", Spring2027 + new string('\n', CalendarLimit));

        var run = CliRun.Of("deadline", "--received", "2027-02-01", "--calendar", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("文件超过 1 MB", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void Deadline_CalendarFileNotText_RefusedWithTheEncodingNamed_ExitsTwo()
    {
        using var dir = new TempDir();
        var file = dir.File("binary.csv");
        File.WriteAllBytes(file, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))]);

        var run = CliRun.Of("deadline", "--received", "2027-02-01", "--calendar", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("文本编码无法识别", run.Stderr, StringComparison.Ordinal);
    }
}
