using FsCheck;
using FsCheck.Fluent;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reviews;
using Gongkai.Domain.Statistics;
using Gongkai.Reporting.Validation;
using Outcome = Gongkai.Domain.Applications.Outcome;

namespace Gongkai.Reporting.Tests.Statistics;

/// <summary>
/// Tables 三 and 四 computed from random case histories satisfy C-01…C-05 by construction, carry over
/// between consecutive years (C-06), and every cell's drill-down lists exactly the cases it counts.
/// </summary>
public sealed class AnnualTablesPropertyTests
{
    private static readonly Outcome[] AllOutcomes = Enum.GetValues<Outcome>();

    private static Gen<CaseFacts> CaseGen =>
        from category in Gen.Elements(Enum.GetValues<ApplicantCategory>())
        from received in Gen.Choose(0, 4 * 365)
        from decidedAfter in Gen.Choose(-1, 120)
        from outcome in Gen.Elements(AllOutcomes)
        select new CaseFacts(
            Guid.NewGuid(), category, new DateOnly(2021, 1, 1).AddDays(received),
            decidedAfter < 0 ? null : outcome,
            decidedAfter < 0 ? null : new DateOnly(2021, 1, 1).AddDays(received + decidedAfter));

    private static Gen<ReviewCase> ReviewGen =>
        from kind in Gen.Elements(Enum.GetValues<ReviewKind>())
        from filed in Gen.Choose(0, 4 * 365)
        from decidedAfter in Gen.Choose(-1, 400)
        from result in Gen.Elements(ReviewResult.Upheld, ReviewResult.Corrected, ReviewResult.Other)
        from coDefendant in Gen.Elements(false, false, false, true)
        select new ReviewCase(
            Guid.NewGuid(), "DEMO", null, kind, new DateOnly(2021, 1, 1).AddDays(filed),
            decidedAfter < 0 ? ReviewResult.Pending : result,
            decidedAfter < 0 ? null : new DateOnly(2021, 1, 1).AddDays(filed + decidedAfter), coDefendant);

    private static Arbitrary<(CaseFacts[] Cases, ReviewCase[] Reviews)> Histories =>
        Gen.Zip(CaseGen.ListOf().Select(l => l.ToArray()), ReviewGen.ListOf().Select(l => l.ToArray())).ToArbitrary();

    [Fact]
    public void Compute_AnyHistory_SatisfiesConsistencyRules()
    {
        Prop.ForAll(Histories, history =>
        {
            var validator = new ReportValidator();
            AnnualReport? previous = null;
            for (var year = 2021; year <= 2024; year++)
            {
                var (report, _) = AnnualTables.Compute("示例机关", year, history.Cases, history.Reviews, ReportEdition.Edition2021);
                var errors = validator.Validate(report, previous).Where(d => d.Severity == Domain.Diagnostics.Severity.Error).ToArray();
                if (errors.Length > 0)
                {
                    return false;
                }

                previous = report;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compute_AnyHistory_DrillDownListsExactlyTheCountedCases()
    {
        Prop.ForAll(Histories, history =>
        {
            var (report, cells) = AnnualTables.Compute("示例机关", 2023, history.Cases, history.Reviews, ReportEdition.Edition2021);
            foreach (var (row, column, value) in report.ApplicationCells())
            {
                var listed = cells.TryGetValue(AnnualTables.CellAddress(row, column), out var ids) ? ids.Count : 0;
                if (listed != value || (ids is not null && ids.Distinct().Count() != ids.Count))
                {
                    return false;
                }
            }

            return report.Schema.ReviewColumns.All(c => (cells.TryGetValue(c.Key, out var ids) ? ids.Count : 0) == report.GetReview(c.Key));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Compute_2019Edition_ThreeOtherOutcomesShareOneRow()
    {
        var id = Guid.NewGuid();
        CaseFacts[] cases =
        [
            new(id, ApplicantCategory.Commercial, new DateOnly(2020, 3, 2), Outcome.OtherFeeUnpaid, new DateOnly(2020, 5, 1)),
            new(Guid.NewGuid(), ApplicantCategory.Commercial, new DateOnly(2020, 3, 2), Outcome.OtherOther, new DateOnly(2020, 5, 1)),
        ];

        var (report, cells) = AnnualTables.Compute("示例机关", 2020, cases, []);

        Assert.Equal(ReportEdition.Edition2019, report.Edition);
        Assert.Equal(2, report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Commercial));
        Assert.Contains(id, cells["apps.outcome.other@org.commercial"]);
    }

    [Fact]
    public void Compute_ReviewBodyAsCoDefendant_NotCounted()
    {
        ReviewCase[] reviews =
        [
            new(Guid.NewGuid(), "DEMO", null, ReviewKind.DirectLitigation, new DateOnly(2023, 4, 1), ReviewResult.Corrected, new DateOnly(2023, 9, 1), false),
            new(Guid.NewGuid(), "DEMO", null, ReviewKind.LitigationAfterReconsideration, new DateOnly(2023, 4, 1), ReviewResult.Upheld, new DateOnly(2023, 9, 1), true),
            new(Guid.NewGuid(), "DEMO", null, ReviewKind.Reconsideration, new DateOnly(2023, 11, 1), ReviewResult.Upheld, new DateOnly(2024, 1, 20), false),
        ];

        var (report, _) = AnnualTables.Compute("示例机关", 2023, [], reviews);

        Assert.Equal(1, report.GetReview("litigation.direct.corrected"));
        Assert.Equal(0, report.GetReview("litigation.after_review.total"));
        Assert.Equal(1, report.GetReview("review.pending"));
        Assert.Equal(0, report.GetReview("review.upheld"));
    }
}
