using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// A blank cell is not a zero: every table cell should hold a number (C-08). One diagnostic per table
/// row (table 二: per block row; table 三: per row; table 四: per group) names the blank columns.
/// </summary>
public sealed class BlankCellsRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var block in r.Schema.ProactiveBlocks)
        {
            foreach (var row in block.Rows)
            {
                var blanks = block.Columns.Where(c => r.GetProactive(row.KeyFor(c)).IsBlank).ToArray();
                if (blanks.Length > 0)
                {
                    yield return DiagnosticCatalog.BlankCells.Create(
                        DiagnosticLocation.Cell("二", row.KeyFor(blanks[0])),
                        block.Caption + "·" + row.Label, blanks.Length, string.Join("、", blanks.Select(c => c.Label)));
                }
            }
        }

        foreach (var row in r.Schema.ApplicationDataRows)
        {
            var blanks = ApplicantColumns.All.Where(c => r.GetApplications(row.Key!, c) is null).ToArray();
            if (blanks.Length > 0)
            {
                yield return DiagnosticCatalog.BlankCells.Create(
                    DiagnosticLocation.Cell("三", row.Key, blanks[0].Key()),
                    row.Label, blanks.Length, string.Join("、", blanks.Select(c => c.Label())));
            }
        }

        foreach (var group in r.Schema.ReviewColumns.GroupBy(c => c.Group))
        {
            var blanks = group.Where(c => r.GetReview(c.Key) is null).ToArray();
            if (blanks.Length > 0)
            {
                yield return DiagnosticCatalog.BlankCells.Create(
                    DiagnosticLocation.Cell("四", blanks[0].Key),
                    ReviewTotalRule.GroupLabel(group.Key), blanks.Length, string.Join("、", blanks.Select(c => c.Label)));
            }
        }
    }
}
