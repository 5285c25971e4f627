using System.Globalization;

namespace Gongkai.Domain.Diagnostics;

/// <summary>A catalog entry: the stable code, its severity, a short title and the Chinese message format.</summary>
/// <param name="Code">GKnnnn; never reused for another meaning.</param>
/// <param name="Severity">The default severity.</param>
/// <param name="Title">One line for docs/diagnostics.md.</param>
/// <param name="MessageFormat">A composite format string with positional arguments.</param>
/// <param name="Rule">The rule the diagnostic enforces (C-01, 条例第四十九条, I-02 …), if any.</param>
public sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string MessageFormat, string? Rule = null)
{
    public Diagnostic Create(DiagnosticLocation location, params object?[] args) =>
        new(Code, Severity, location, string.Format(CultureInfo.InvariantCulture, MessageFormat, args));

    public Diagnostic Create(Severity severity, DiagnosticLocation location, params object?[] args) =>
        new(Code, severity, location, string.Format(CultureInfo.InvariantCulture, MessageFormat, args));
}
