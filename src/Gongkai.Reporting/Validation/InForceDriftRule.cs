using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// C-07 (a heuristic, hence a warning): documents in force this year ≈ last year's + issued − repealed
/// (2021 format: 现行有效件数); for the 2019 format, 对外公开总数量 ≈ last year's + 本年新公开数量.
/// Only reports of the same edition are compared.
/// </summary>
public sealed class InForceDriftRule : IReportRule
{
    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (context.ComparablePrevious is not { } previous || previous.Edition != context.Report.Edition)
        {
            yield break;
        }

        var r = context.Report;
        foreach (var block in r.Schema.ProactiveBlocks.Take(1))
        {
            foreach (var row in block.Rows)
            {
                var (stockKey, addKey, removeKey) = r.Edition switch
                {
                    ReportEdition.Edition2021 => (row.KeyStem + ".in_force", row.KeyStem + ".issued", row.KeyStem + ".repealed"),
                    ReportEdition.Edition2019 => (row.KeyStem + ".public_total", row.KeyStem + ".published", (string?)null),
                };
                var last = previous.GetProactive(stockKey);
                var now = r.GetProactive(stockKey);
                var added = r.GetProactive(addKey);
                var removed = removeKey is null ? CellValue.FromNumber(0) : r.GetProactive(removeKey);
                if (!last.IsNumber || !now.IsNumber || !added.IsNumber || !removed.IsNumber)
                {
                    continue;
                }

                var expected = last.Number + added.Number - removed.Number;
                if (expected != now.Number)
                {
                    yield return DiagnosticCatalog.InForceDrift.Create(
                        DiagnosticLocation.Cell("二", stockKey), row.Label, last.Text, added.Text, removed.Text, expected, now.Text);
                }
            }
        }
    }
}
