using Gongkai.Domain.Diagnostics;

namespace Gongkai.Reporting.Validation;

/// <summary>One validation rule. Rules are independent and never throw on any report.</summary>
public interface IReportRule
{
    /// <summary>
    /// Whether the findings can depend on last year's report (<see cref="ValidationContext.Previous"/>). A rule that
    /// says false finds the same with or without it, so <see cref="ReportValidator.ValidateAlone"/> runs it before last
    /// year's report is known. True unless a rule says otherwise: an unknown rule is never run too early.
    /// </summary>
    bool ReadsPreviousReport => true;

    IEnumerable<Diagnostic> Check(ValidationContext context);
}
