using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>What a rule sees: the report, optionally the same agency's previous-year report, the options.</summary>
public sealed record ValidationContext(AnnualReport Report, AnnualReport? Previous, ValidationOptions Options)
{
    /// <summary>
    /// The previous report when it can be compared (the year before, same agency when both are named);
    /// null otherwise. <see cref="PreviousYearRule"/> says why a given one is not used.
    /// </summary>
    public AnnualReport? ComparablePrevious =>
        Previous is not null && PreviousYearRule.IsComparable(Report, Previous) ? Previous : null;
}
