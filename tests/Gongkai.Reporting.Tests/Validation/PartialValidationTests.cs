using Gongkai.Domain.Reports;
using Gongkai.Reporting.Validation;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Validation;

/// <summary>
/// A rule that says it does not read last year's report finds the same with and without it, so a batch may run it
/// before last year's report is known (<see cref="ReportValidator.ValidateAlone"/>); and validating in two steps finds
/// what validating at once does.
/// </summary>
public sealed class PartialValidationTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RulesThatDoNotReadLastYear_FindTheSameWithAndWithoutIt(int seed)
    {
        var (report, previous) = Pair(seed);
        var with = new ValidationContext(report, previous, ValidationOptions.Default);
        var without = new ValidationContext(report, null, ValidationOptions.Default);
        foreach (var rule in ReportValidator.DefaultRules.Where(r => !r.ReadsPreviousReport))
        {
            Assert.Equal(rule.Check(without).Select(d => d.ToString()), rule.Check(with).Select(d => d.ToString()));
        }
    }

    [Fact]
    public void LastYearsReport_ChangesWhatTheOtherRulesFind_SoTheTestAboveCanFail()
    {
        // The rules marked as reading last year's report do find something with it on these reports: were one of them
        // wrongly marked as not reading it, the test above would see the difference.
        var changed = ReportValidator.DefaultRules.Where(r => r.ReadsPreviousReport).Where(rule => Enumerable.Range(0, 60).Any(seed =>
        {
            var (report, previous) = Pair(seed);
            return rule.Check(new ValidationContext(report, previous, ValidationOptions.Default)).Select(d => d.ToString())
                .SequenceEqual(rule.Check(new ValidationContext(report, null, ValidationOptions.Default)).Select(d => d.ToString())) == false;
        })).Select(r => r.GetType().Name).ToList();
        Assert.Contains(nameof(CarryOverRule), changed);
        Assert.Contains(nameof(PreviousYearRule), changed);
        Assert.Equal(14, ReportValidator.DefaultRules.Count(r => !r.ReadsPreviousReport));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TwoSteps_FindWhatOneStepFinds(int seed)
    {
        var (report, previous) = Pair(seed);
        var validator = new ReportValidator();
        var part = validator.ValidateAlone(report);
        // The one-step result computed by hand: every rule on the full context, errors first, rule order within a severity.
        var context = new ValidationContext(report, previous, ValidationOptions.Default);
        var expected = ReportValidator.DefaultRules.SelectMany(r => r.Check(context)).OrderByDescending(d => d.Severity).Select(d => d.ToString());
        Assert.Equal(expected, validator.Complete(part, previous).Select(d => d.ToString()));
        Assert.Equal(expected, validator.Validate(report, previous).Select(d => d.ToString()));
    }

    [Fact]
    public void APartFromAnotherValidator_IsRefused()
    {
        var part = new ReportValidator().ValidateAlone(RandomReports.Create(1, ReportEdition.Edition2021));
        Assert.Throws<ArgumentException>(() => new ReportValidator().Complete(part, null));
    }

    /// <summary>A report and last year's of the same agency; some pairs across layouts, some with blanks, some not comparable.</summary>
    private static (AnnualReport Report, AnnualReport? Previous) Pair(int seed)
    {
        var edition = seed % 2 == 0 ? ReportEdition.Edition2021 : ReportEdition.Edition2019;
        var report = RandomReports.Create(seed, edition, blankShare: seed % 3 == 0 ? 0.2 : 0);
        report.Agency = "示例市交通运输局";
        report.Year = edition == ReportEdition.Edition2021 ? 2022 : 2019;
        if (seed % 7 == 6)
        {
            return (report, null);
        }

        var previous = RandomReports.Create(seed + 1000, seed % 5 == 4 ? ReportEdition.Edition2019 : edition, blankShare: seed % 4 == 0 ? 0.2 : 0);
        previous.Agency = seed % 11 == 10 ? "另一机关" : report.Agency;
        previous.Year = report.Year - 1;
        if (seed % 3 == 1)
        {
            // Carried forward last year as carried over this year: C-06 holds.
            foreach (var column in ApplicantColumns.All)
            {
                previous.SetApplications(ApplicationKeys.CarriedForward, column, report.GetApplications(ApplicationKeys.CarriedOver, column));
            }
        }

        return (report, previous);
    }
}
