using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Supervision;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Supervision;

public sealed class QualityScoreTests
{
    private static Diagnostic D(string code, Severity severity = Severity.Warning) => new(code, severity, DiagnosticLocation.Report, "x");

    public static TheoryData<string, string[], bool, int> Cases => new()
    {
        // name, diagnostic codes (E: prefix = error), late, expected score
        { "clean", [], false, 100 },
        { "late only", [], true, 90 },
        { "one table mismatch", ["E:GK2001"], false, 90 },
        { "five table mismatches capped at 40", ["E:GK2001", "E:GK2002", "E:GK2003", "E:GK2003", "E:GK2005"], false, 60 },
        { "reading error", ["E:GK1005"], false, 90 },
        { "missing section", ["GK3004"], false, 95 },
        { "overview too long", ["GK3002"], false, 95 },
        { "carry-over break", ["E:GK2006"], false, 95 },
        { "copied section 五 and in-force drift", ["GK3011", "GK2007"], false, 90 },
        { "warnings that cost nothing", ["GK3009", "GK4006"], false, 100 },
        { "everything", ["E:GK2001", "E:GK1005", "GK3004", "GK3002", "E:GK2006"], true, 55 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_Table(string name, string[] codes, bool late, int expected)
    {
        var report = RandomReports.Create(1, ReportEdition.Edition2021);
        var diagnostics = codes.Select(c => c.StartsWith("E:", StringComparison.Ordinal) ? D(c[2..], Severity.Error) : D(c)).ToArray();

        var score = QualityScore.Of(report, diagnostics, late);

        Assert.True(expected == score.Score, $"{name}: expected {expected}, got {score.Score} ({string.Join(", ", score.Deductions)})");
    }

    [Fact]
    public void Of_BlankCells_OnePointEachCappedAt15()
    {
        var report = RandomReports.Create(2, ReportEdition.Edition2021);
        report.SetReview("review.upheld", null);
        report.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Research, null);
        Assert.Equal(98, QualityScore.Of(report, [], false).Score);

        var empty = new AnnualReport(ReportEdition.Edition2021);
        var score = QualityScore.Of(empty, [], false);
        Assert.Equal(85, score.Score);
        Assert.Equal(QualityCategory.BlankCells, Assert.Single(score.Deductions).Category);
    }

    [Fact]
    public void Of_NeverBelowZero()
    {
        var diagnostics = Enumerable.Repeat(D("GK2001", Severity.Error), 9).Concat(Enumerable.Repeat(D("GK1005", Severity.Error), 9))
            .Concat(Enumerable.Repeat(D("GK3004"), 3)).Concat([D("GK3002")]).Concat(Enumerable.Repeat(D("GK2006", Severity.Error), 5)).ToArray();

        Assert.Equal(0, QualityScore.Of(new AnnualReport(ReportEdition.Edition2019), diagnostics, true).Score);
    }
}
