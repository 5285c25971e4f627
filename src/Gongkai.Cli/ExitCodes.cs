namespace Gongkai.Cli;

/// <summary>The CLI's exit codes: the worst diagnostic decides.</summary>
public static class ExitCodes
{
    /// <summary>No error-level diagnostic.</summary>
    public const int Ok = 0;

    /// <summary>Error-level diagnostics were found.</summary>
    public const int Errors = 1;

    /// <summary>An input could not be read, or the command line was wrong.</summary>
    public const int Unreadable = 2;

    /// <summary>A bug in Gongkai (reported in one line, no stack trace).</summary>
    public const int InternalError = 3;
}
