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

    public IReadOnlyList<Diagnostic> Validate(AnnualReport report, AnnualReport? previous = null) => Complete(ValidateAlone(report), previous);

    /// <summary>
    /// The findings of the rules that do not read last year's report (<see cref="IReportRule.ReadsPreviousReport"/>):
    /// a batch runs them on all cores while last year's report is still being looked up, and <see cref="Complete"/>
    /// adds the rest. <c>Complete(ValidateAlone(r), p)</c> is <c>Validate(r, p)</c>, diagnostic for diagnostic.
    /// </summary>
    public PartialValidation ValidateAlone(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var context = new ValidationContext(report, null, _options);
        return new PartialValidation(this, report, _rules.Select(rule => rule.ReadsPreviousReport ? null : rule.Check(context).ToArray()).ToArray());
    }

    /// <summary>Every rule's findings: those <paramref name="part"/> holds, and the rules that read <paramref name="previous"/> run now.</summary>
    public IReadOnlyList<Diagnostic> Complete(PartialValidation part, AnnualReport? previous)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (!ReferenceEquals(part.Validator, this))
        {
            throw new ArgumentException("The partial validation was made by another validator.", nameof(part));
        }

        var context = new ValidationContext(part.Report, previous, _options);
        return _rules
            .SelectMany((rule, i) => part.Found[i] ?? rule.Check(context))
            .OrderByDescending(d => d.Severity)
            .ToArray();
    }
}

/// <summary>A report's findings by the rules that do not read last year's report (<see cref="ReportValidator.ValidateAlone"/>).</summary>
public sealed class PartialValidation
{
    internal PartialValidation(ReportValidator validator, AnnualReport report, Diagnostic[]?[] found)
    {
        Validator = validator;
        Report = report;
        Found = found;
    }

    internal ReportValidator Validator { get; }

    internal AnnualReport Report { get; }

    /// <summary>By rule, in the validator's order: the findings, or null for a rule that reads last year's report.</summary>
    internal Diagnostic[]?[] Found { get; }
}
