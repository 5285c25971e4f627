using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>Runs every rule over a report and returns the diagnostics, errors first.</summary>
public sealed class ReportValidator
{
    private readonly IReadOnlyList<IReportRule> _rules;
    private readonly ValidationOptions _options;

    public ReportValidator(ValidationOptions? options = null, IReadOnlyList<IReportRule>? rules = null)
    {
        _options = options ?? ValidationOptions.Default;
        _rules = rules ?? DefaultRules;
    }

    /// <summary>Every rule, in the order its findings are most useful to read.</summary>
    public static IReadOnlyList<IReportRule> DefaultRules { get; } =
    [
        new MetadataRule(),
        new EditionFitsYearRule(),
        new ApplicationsBalanceRule(),
        new OutcomeTotalRule(),
        new RowTotalRule(),
        new OutcomesWithinApplicationsRule(),
        new ReviewTotalRule(),
        new NonNegativeRule(),
        new PreviousYearRule(),
        new CarryOverRule(),
        new InForceDriftRule(),
        new BlankCellsRule(),
        new TextInNumericCellRule(),
        new MissingSectionRule(),
        new OverviewLengthRule(),
        new FeeReportedRule(),
        new RepeatedProblemsRule(),
        new HighOtherOutcomesRule(),
    ];

    public IReadOnlyList<Diagnostic> Validate(AnnualReport report, AnnualReport? previous = null)
    {
        var context = new ValidationContext(report, previous, _options);
        return _rules
            .SelectMany(rule => rule.Check(context))
            .OrderByDescending(d => d.Severity)
            .ToArray();
    }
}
