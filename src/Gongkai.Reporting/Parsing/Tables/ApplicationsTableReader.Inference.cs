using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>Table 三 cells the print lost, inferred from the sum rules where they leave one value (GK4006).</summary>
internal static partial class ApplicationsTableReader
{
    /// <summary>
    /// A row that lost exactly one cell in print ("000000" for seven cells, "2 0 0 0 0 2" with one column dropped) gets it
    /// from C-03 along the row: the 总计 is the sum of the six, a category is the 总计 less the other five.
    /// </summary>
    private static void InferAlongRows(AnnualReport report, string[] rows, RowReading[] chosen, bool hasTotalColumn, List<Diagnostic> diagnostics)
    {
        if (!hasTotalColumn)
        {
            return;
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var cells = ApplicantColumns.All.Select(c => report.GetApplications(rows[i], c)).ToArray();
            var lost = Enumerable.Range(0, 7).Where(c => chosen[i].Missing[c] && cells[c] is null).ToArray();
            if (lost is not [var only] || cells.Count(v => v is null) != 1)
            {
                continue;
            }

            long six = Enumerable.Range(0, 6).Where(c => c != only).Sum(c => (long)cells[c]!.Value);
            var value = only == 6 ? six : cells[6]!.Value - six;
            if (value < 0 || value > int.MaxValue)
            {
                continue;
            }

            var column = ApplicantColumns.All[only];
            report.SetApplications(rows[i], column, (int)value);
            diagnostics.Add(DiagnosticCatalog.CellInferred.Create(
                DiagnosticLocation.Cell("三", rows[i], column.Key()), report.Schema.ApplicationDataRows[i].Label, column.Label(), (int)value));
        }
    }

    /// <summary>
    /// Cells missing from the source (not printed blank) are inferred where the sums leave one value:
    /// C-02 down a column, C-03 along a row.
    /// </summary>
    private static void InferMissing(AnnualReport report, string[] rows, RowReading[] chosen, bool hasTotalColumn, List<Diagnostic> diagnostics)
    {
        InferAlongRows(report, rows, chosen, hasTotalColumn, diagnostics);
        var outcomeRows = Enumerable.Range(0, rows.Length)
            .Where(i => rows[i].StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal) && rows[i] != ApplicationKeys.OutcomeTotal)
            .ToArray();
        var columns = hasTotalColumn ? 7 : 6;
        for (var c = 0; c < columns; c++)
        {
            var column = ApplicantColumns.All[c];
            if (report.GetApplications(ApplicationKeys.OutcomeTotal, column) is not { } total)
            {
                continue;
            }

            // A row printed entirely blank stays blank: only a row that shows numbers can have lost a cell.
            var missing = outcomeRows
                .Where(i => chosen[i].Missing[c] && report.GetApplications(rows[i], column) is null && chosen[i].Cells.Any(v => v is not null))
                .ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            long known = outcomeRows.Sum(i => (long)(report.GetApplications(rows[i], column) ?? 0));
            var rest = total - known;
            if (rest == 0 || (missing.Length == 1 && rest > 0))
            {
                foreach (var i in missing)
                {
                    var value = (int)(missing.Length == 1 ? rest : 0);
                    report.SetApplications(rows[i], column, value);
                    var label = report.Schema.ApplicationDataRows[i].Label;
                    diagnostics.Add(DiagnosticCatalog.CellInferred.Create(
                        DiagnosticLocation.Cell("三", rows[i], column.Key()), label, column.Label(), value));
                }
            }
        }
    }
}
