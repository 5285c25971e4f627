using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// C-08: counts are whole numbers ≥ 0 and amounts are ≥ 0. Only 本年增/减 (2019 format) may be negative.
/// </summary>
public sealed class NonNegativeRule : IReportRule
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
                if (!v.IsNumber)
                {
                    continue;
                }

                var name = row.Label + "·" + column.Label;
                var location = DiagnosticLocation.Cell("二", key);
                switch (column.Kind)
                {
                    case ValueKind.Count when v.Number < 0:
                        yield return DiagnosticCatalog.NegativeCount.Create(location, name, v.Text);
                        break;
                    case ValueKind.Count or ValueKind.SignedCount when decimal.Truncate(v.Number) != v.Number:
                        yield return DiagnosticCatalog.CountNotInteger.Create(location, name, v.Text);
                        break;
                    case ValueKind.Money when v.Number < 0:
                        yield return DiagnosticCatalog.NegativeAmount.Create(location, name, v.Text);
                        break;
                }
            }
        }

        foreach (var (row, column, value) in r.ApplicationCells())
        {
            if (value < 0)
            {
                yield return DiagnosticCatalog.NegativeCount.Create(
                    DiagnosticLocation.Cell("三", row, column.Key()), CellNames.Application(r.Schema, row, column), value);
            }
        }

        foreach (var column in r.Schema.ReviewColumns)
        {
            if (r.GetReview(column.Key) is < 0 and var value)
            {
                yield return DiagnosticCatalog.NegativeCount.Create(DiagnosticLocation.Cell("四", column.Key), CellNames.Review(column), value);
            }
        }
    }
}
