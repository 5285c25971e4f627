using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Validation;

namespace Gongkai.Reporting;

/// <summary>
/// What `check` means everywhere (CLI, batch import, web API): read the input, and when it yields a report,
/// run every validation rule on it.
/// </summary>
public sealed record ReportCheck(ReadResult Read, IReadOnlyList<Diagnostic> Diagnostics)
{
    public AnnualReport? Report => Read.Report;

    public bool Readable => Read.Report is not null;

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);

    public static ReportCheck Of(ReadResult read, ReportValidator validator, AnnualReport? previous = null) =>
        new(read, read.Report is null ? read.Diagnostics : [.. read.Diagnostics, .. validator.Validate(read.Report, previous)]);
}
