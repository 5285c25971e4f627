namespace Gongkai.Domain.Diagnostics;

/// <summary>
/// One finding about a report: a stable code (GKnnnn), a severity, a location and a Chinese message
/// rendered from <see cref="DiagnosticCatalog"/>. Expected failures are values, never exceptions.
/// </summary>
public sealed record Diagnostic(string Code, Severity Severity, DiagnosticLocation Location, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code} {Location}: {Message}";
}
