using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reviews;

namespace Gongkai.Domain.Statistics;

/// <summary>
/// Tables 三 and 四 of an agency's annual report computed from its records (条例第五十条第二、三项):
/// 一 new = first received in the year; 二 carried over = open at the start of the year; 三 outcome =
/// decided in the year, in its outcome row; 四 carried forward = open at the end of the year. C-01…C-05 hold
/// by construction. Every cell remembers the cases it counts (drill-down).
/// </summary>
public static class AnnualTables
{
    public static (AnnualReport Report, IReadOnlyDictionary<string, IReadOnlyList<Guid>> Cases) Compute(
        string agency, int year, IEnumerable<CaseFacts> applications, IEnumerable<ReviewCase> reviews, ReportEdition? edition = null)
    {
        var report = new AnnualReport(edition ?? ReportEditions.ExpectedFor(year) ?? ReportEdition.Edition2021) { Agency = agency, Year = year };
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var cells = new Dictionary<string, List<Guid>>();

        foreach (var row in report.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                report.SetApplications(row.Key!, column, 0);
            }
        }

        foreach (var column in report.Schema.ReviewColumns)
        {
            report.SetReview(column.Key, 0);
        }

        foreach (var a in applications)
        {
            var openAtStart = a.FirstReceivedOn < start && (a.DecidedOn is null || a.DecidedOn >= start);
            var newThisYear = a.FirstReceivedOn >= start && a.FirstReceivedOn <= end;
            if (!openAtStart && !newThisYear)
            {
                continue;
            }

            Count(report, cells, newThisYear ? ApplicationKeys.NewReceived : ApplicationKeys.CarriedOver, a);
            if (a.DecidedOn is { } decided && decided <= end && a.Outcome is { } outcome)
            {
                Count(report, cells, outcome.RowKey(report.Edition), a);
                Count(report, cells, ApplicationKeys.OutcomeTotal, a);
            }
            else
            {
                Count(report, cells, ApplicationKeys.CarriedForward, a);
            }
        }

        foreach (var review in reviews.Where(r => r.CountsInYear(year)))
        {
            Add(report, cells, review.ColumnKey(year), review.Id);
            Add(report, cells, ReviewCase.TotalKey(review.Kind), review.Id);
        }

        return (report, cells.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Guid>)kv.Value));
    }

    /// <summary>The drill-down address of a table 三 cell: <c>row@column</c>.</summary>
    public static string CellAddress(string row, ApplicantColumn column) => row + "@" + column.Key();

    private static void Count(AnnualReport report, Dictionary<string, List<Guid>> cells, string row, CaseFacts a)
    {
        foreach (var column in new[] { a.Category.Column(), ApplicantColumn.Total })
        {
            report.SetApplications(row, column, report.GetApplications(row, column)!.Value + 1);
            var address = CellAddress(row, column);
            if (!cells.TryGetValue(address, out var list))
            {
                cells[address] = list = [];
            }

            list.Add(a.Id);
        }
    }

    private static void Add(AnnualReport report, Dictionary<string, List<Guid>> cells, string key, Guid id)
    {
        report.SetReview(key, report.GetReview(key)!.Value + 1);
        if (!cells.TryGetValue(key, out var list))
        {
            cells[key] = list = [];
        }

        list.Add(id);
    }
}
