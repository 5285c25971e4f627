using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting;

/// <summary>
/// What a reader returns: the report it could build (null when none) and every diagnostic.
/// Readers never throw on bad input.
/// </summary>
public sealed record ReadResult(AnnualReport? Report, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public static ReadResult Failed(Diagnostic diagnostic) => new(null, [diagnostic]);
}
