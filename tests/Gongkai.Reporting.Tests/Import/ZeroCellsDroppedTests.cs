using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;
using Xunit.Abstractions;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Issue 9, shape 3: a spreadsheet that leaves zero cells empty, exported with only its non-empty cells
/// ("2 2" is 自然人 2 and 总计 2). Table 三 is placed so that C-01, C-02 and C-03 hold together; a row the sums
/// settle is read without a doubt, a row they leave open is said to be uncertain, and nothing else.
/// </summary>
public sealed class ZeroCellsDroppedTests(ITestOutputHelper output)
{
    [Fact]
    public void Import_OnlyNaturalPersons_EveryRowSettledByTheColumns()
    {
        var report = Spread(seed: 7, columns: 1, max: 40, onlyNaturalPersons: true);

        var outcome = DegradedImport.Compare(report, Degrade.ZeroCellsDropped(Render(report)), blankIsZero: true);

        Assert.True(outcome.Excused.All(e => e.StartsWith("四 ", StringComparison.Ordinal)) && outcome.Unexcused.Count == 0, string.Join("\n", outcome.Excused.Concat(outcome.Unexcused)));
        Assert.DoesNotContain(outcome.Result.Diagnostics, d => d.Code == "GK4005" && d.Message.Contains("请核对原文", StringComparison.Ordinal) && !d.Message.Contains("行政复议", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_TwoRowsThatCanSwapColumns_BothSaidUncertainTheRestSettled()
    {
        var report = Spread(seed: 7, columns: 1, max: 40, onlyNaturalPersons: true);
        var keys = report.Schema.OutcomeRowKeys;
        report.SetApplications(keys[0], ApplicantColumn.NaturalPerson, report.GetApplications(keys[0], ApplicantColumn.NaturalPerson) - 1);
        report.SetApplications(keys[1], ApplicantColumn.NaturalPerson, report.GetApplications(keys[1], ApplicantColumn.NaturalPerson) - 1);
        report.SetApplications(keys[0], ApplicantColumn.Commercial, 1);
        report.SetApplications(keys[1], ApplicantColumn.Research, 1);
        report.SetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.NaturalPerson, report.GetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.NaturalPerson) - 2);
        report.SetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.Commercial, 1);
        report.SetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.Research, 1);
        report.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.NaturalPerson) - 2);
        report.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Commercial, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Commercial) + 1);
        report.SetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Research, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Research) + 1);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(Degrade.ZeroCellsDropped(Render(report))));

        var uncertain = result.Diagnostics.Where(d => d.Code == "GK4005" && d.Message.Contains("多种读法均满足勾稽关系", StringComparison.Ordinal)).ToList();
        var labels = report.Schema.ApplicationDataRows.Where(r => r.Key == keys[0] || r.Key == keys[1]).Select(r => "“" + r.Label + "”").ToArray();
        Assert.True(uncertain.Count == 2, string.Join("\n", result.Diagnostics.Where(d => d.Code == "GK4005" && d.Message.Contains("请核对原文", StringComparison.Ordinal))));
        Assert.All(labels, label => Assert.Contains(uncertain, d => d.Message.StartsWith(label, StringComparison.Ordinal)));
        Assert.Equal(report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Commercial), result.Report!.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Commercial));
    }

    /// <summary>
    /// Every outcome row non-zero in several random columns with values up to 500: placements beyond any
    /// exhaustive count. The import ends (the search is bounded; beyond its bound the rows are scored and said
    /// uncertain) and no cell differs from the original without its row said to be uncertain.
    /// </summary>
    [Theory]
    [InlineData(1, 3, 500)]
    [InlineData(2, 3, 9)]
    [InlineData(3, 2, 500)]
    [InlineData(4, 4, 500)]
    [InlineData(5, 3, 3)]
    [InlineData(6, 1, 3)]
    public void Import_HardestPlacements_EndsExactOrFlagged(int seed, int columns, int max)
    {
        var report = Spread(seed, columns, max);

        var outcome = DegradedImport.Compare(report, Degrade.ZeroCellsDropped(Render(report)), blankIsZero: true);

        output.WriteLine($"{outcome.Exact}/{outcome.Cells} exact, {outcome.Excused.Count} wrong but flagged");
        Assert.True(outcome.Unexcused.Count == 0, string.Join("\n", outcome.Unexcused.Take(20)));
    }

    private static string Render(AnnualReport report) => ReportRenderer.RenderToString(report, RenderFormat.Text);

    /// <summary>A consistent 2021 report whose outcome rows are each non-zero in <paramref name="columns"/> random columns (or in 自然人 only).</summary>
    private static AnnualReport Spread(int seed, int columns, int max, bool onlyNaturalPersons = false)
    {
        var random = new Random(seed);
        var report = RandomReports.Create(seed, ReportEdition.Edition2021);
        var totals = new int[6];
        foreach (var row in report.Schema.OutcomeRowKeys)
        {
            var used = onlyNaturalPersons ? [0] : Enumerable.Range(0, 6).OrderBy(_ => random.Next()).Take(columns).ToHashSet();
            for (var c = 0; c < 6; c++)
            {
                var value = used.Contains(c) ? random.Next(onlyNaturalPersons ? 2 : 1, max + 1) : 0;
                totals[c] += value;
                report.SetApplications(row, ApplicantColumns.Categories[c], value);
            }
        }

        for (var c = 0; c < 6; c++)
        {
            var column = ApplicantColumns.Categories[c];
            // With only 自然人 in the outcome rows, a table that put every count in another column would add up
            // as well; 结转下年度 printed in all six columns ties 本年新收 and （七）总计 to theirs.
            var forward = onlyNaturalPersons ? random.Next(1, 4) : random.Next(0, 3);
            var over = onlyNaturalPersons ? 0 : random.Next(0, 3);
            report.SetApplications(ApplicationKeys.OutcomeTotal, column, totals[c]);
            report.SetApplications(ApplicationKeys.CarriedForward, column, forward);
            report.SetApplications(ApplicationKeys.CarriedOver, column, over);
            report.SetApplications(ApplicationKeys.NewReceived, column, totals[c] + forward - over);
        }

        foreach (var row in report.Schema.ApplicationDataRows)
        {
            report.SetApplications(row.Key!, ApplicantColumn.Total, ApplicantColumns.Categories.Sum(c => report.GetApplications(row.Key!, c) ?? 0));
        }

        return report;
    }
}
