namespace Gongkai.Domain.Diagnostics;

/// <summary>How serious a diagnostic is. The CLI's exit code follows the worst one.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}
