using Gongkai.Domain.Diagnostics;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// Table 二 cells sometimes hold text ("3项(41笔)"). It is kept as written, and said so, because the
/// sum and sign checks cannot use it.
/// </summary>
public sealed class TextInNumericCellRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var block in r.Schema.ProactiveBlocks)
        {
            foreach (var (row, column, key) in block.Cells())
            {
                var v = r.GetProactive(key);
                if (v.Kind == Domain.Reports.CellValueKind.Text)
                {
                    yield return DiagnosticCatalog.TextInNumericCell.Create(
                        DiagnosticLocation.Cell("二", key), row.Label + "·" + column.Label, v.Text);
                }
            }
        }
    }
}
