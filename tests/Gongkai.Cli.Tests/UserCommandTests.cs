namespace Gongkai.Cli.Tests;

/// <summary>The <c>gongkai user add</c> contract: password from stdin, policy, agency checks; exit 0 / 1 / 2.</summary>
public sealed class UserCommandTests : IDisposable
{
    private const string Strong = "Lantern-river-42";
    private readonly TempDir _dir = new();

    public UserCommandTests()
    {
        CliRun.Of("agency", "add", "--code", "EDU", "--name", "示例市教育局", "--database", Db);
    }

    private string Db => Path.Combine(_dir.Path, "gongkai.db");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("admin")]
    [InlineData("supervisor")]
    public void Add_EachRole_ExitsZero(string role)
    {
        var run = CliRun.WithInput(Strong + "\n", "user", "add", "--agency", "EDU", "--user", "zhang." + role, "--role", role, "--display", "张三", "--password-stdin", "--database", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("已创建账户", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_InstallationAdmin_WithoutAgency_ExitsZero()
    {
        var run = CliRun.WithInput(Strong, "user", "add", "--user", "root-admin", "--role", "installation-admin", "--password-stdin", "--database", Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("系统管理员", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short1", "至少 10 个字符")]
    [InlineData("xiaoming-2026-abc", "不能包含用户名")]
    [InlineData("qwertyuiop", "常见密码")]
    [InlineData("Password@123", "常见密码")]
    [InlineData("aaaaaaaaaaaa", "同一个字符")]
    public void Add_WeakPassword_ExitsOneWithReason(string password, string reason)
    {
        var run = CliRun.WithInput(password + "\n", "user", "add", "--agency", "EDU", "--user", "xiaoming", "--role", "clerk", "--password-stdin", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        // Nothing written: the name is still free.
        Assert.Equal(0, CliRun.WithInput(Strong, "user", "add", "--agency", "EDU", "--user", "xiaoming", "--role", "clerk", "--password-stdin", "--database", Db).ExitCode);
    }

    [Fact]
    public void Add_UnknownAgency_ExitsOne()
    {
        var run = CliRun.WithInput(Strong, "user", "add", "--agency", "NOPE", "--user", "li", "--role", "clerk", "--password-stdin", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("机关“NOPE”不存在", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ClosedAgency_ExitsOne()
    {
        CliRun.Of("agency", "close", "--code", "EDU", "--on", "2026-01-05", "--database", Db);

        var run = CliRun.WithInput(Strong, "user", "add", "--agency", "EDU", "--user", "li", "--role", "clerk", "--password-stdin", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("已撤销", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_TakenUserName_ExitsOne()
    {
        CliRun.WithInput(Strong, "user", "add", "--agency", "EDU", "--user", "li", "--role", "clerk", "--password-stdin", "--database", Db);

        var run = CliRun.WithInput(Strong, "user", "add", "--agency", "EDU", "--user", "li", "--role", "head", "--password-stdin", "--database", Db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("已被使用", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_OverlongFirstLineOnStdin_RefusedUnread_ExitsTwo()
    {
        // 16 million characters with no line break: ReadLine read them whole (and more would have been read as well).
        using var input = new EndlessLine(16_000_000);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = GongkaiCli.Run(["user", "add", "--agency", "EDU", "--user", "li", "--role", "clerk", "--password-stdin", "--database", Db], stdout, stderr, input);

        Assert.Equal(ExitCodes.Unreadable, code);
        Assert.Contains("用法错误：标准输入的第一行超过 4096 个字符", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(input.Consumed <= UserCommands.MaxPasswordLine + 1, $"read {input.Consumed} characters");
        // Nothing written: the name is still free.
        Assert.Equal(0, CliRun.WithInput(Strong, "user", "add", "--agency", "EDU", "--user", "li", "--role", "clerk", "--password-stdin", "--database", Db).ExitCode);
    }

    [Fact]
    public void Add_PasswordLineAtTheLimit_Accepted_CrLfEnded()
    {
        var password = "Lantern-" + new string('r', UserCommands.MaxPasswordLine - 10) + "42";

        var run = CliRun.WithInput(password + "\r\n", "user", "add", "--agency", "EDU", "--user", "li", "--role", "clerk", "--password-stdin", "--database", Db);

        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("user", "add", "--agency", "EDU", "--user", "li", "--role", "clerk")]
    [InlineData("user", "add", "--agency", "EDU", "--user", "li", "--role", "boss", "--password-stdin")]
    [InlineData("user", "add", "--agency", "EDU", "--role", "clerk", "--password-stdin")]
    [InlineData("user", "add", "--user", "li", "--role", "clerk", "--password-stdin")]
    public void BadCommandLine_ExitsTwo(params string[] args)
    {
        var run = CliRun.WithInput(Strong, [.. args, "--database", Db]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("用法错误", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Standard input holding one line of <c>length</c> characters without a break, counting what is read.</summary>
    private sealed class EndlessLine(int length) : TextReader
    {
        public int Consumed { get; private set; }

        public override int Peek() => Consumed < length ? 'x' : -1;

        public override int Read()
        {
            if (Consumed >= length)
            {
                return -1;
            }

            Consumed++;
            return Consumed % 7 == 0 ? '7' : 'x';
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, length - Consumed);
            for (var i = 0; i < n; i++)
            {
                buffer[index + i] = (char)Read();
            }

            return n;
        }
    }
}
