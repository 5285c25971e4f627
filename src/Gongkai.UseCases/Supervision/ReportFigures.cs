using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Supervision;
using Gongkai.Reporting.Validation;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// What the supervisor's overview shows of one report, the same for a published version and a collected reading: its
/// check against last year's report (diagnostics), the errors, warnings and uncertain readings among them, and the score.
/// </summary>
internal readonly record struct ReportFigures(IReadOnlyList<Diagnostic> Diagnostics, int Errors, int Warnings, int Uncertain, int Score)
{
    /// <param name="late">条例第四十九条: printed after its deadline (the score counts it).</param>
    /// <param name="checkedAlone">The report's findings by the rules that do not read last year's report, when already run (<see cref="ReportValidator.ValidateAlone"/>).</param>
    public static ReportFigures Of(AnnualReport report, IReadOnlyList<Diagnostic> importDiagnostics, ReportValidator validator, AnnualReport? previous, bool late, PartialValidation? checkedAlone = null)
    {
        // As ReportCheck.Of: the reading's diagnostics, then the validator's.
        IReadOnlyList<Diagnostic> diagnostics = [.. importDiagnostics, .. validator.Complete(checkedAlone ?? validator.ValidateAlone(report), previous)];
        return new ReportFigures(
            diagnostics,
            diagnostics.Count(d => d.Severity == Severity.Error),
            diagnostics.Count(d => d.Severity == Severity.Warning),
            diagnostics.Count(d => CollectedReportStore.UncertainCodes.Contains(d.Code)),
            QualityScore.Of(report, diagnostics, late).Score);
    }
}
