namespace Gongkai.Cli.Tests;

/// <summary>Runs the real command tree in-process and captures both streams.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static CliRun Of(params string[] args) => WithInput(string.Empty, args);

    /// <summary>Runs with <paramref name="stdin"/> as standard input (passwords for --password-stdin).</summary>
    public static CliRun WithInput(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new StringReader(stdin);
        var code = GongkaiCli.Run(args, stdout, stderr, input);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
