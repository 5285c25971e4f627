using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// C-02: （七）总计 equals the sum of every outcome row (the groups （三）–（六） have no subtotal).
/// </summary>
public sealed class OutcomeTotalRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var column in ApplicantColumns.All)
        {
            var total = r.GetApplications(ApplicationKeys.OutcomeTotal, column);
            var (sum, any) = Sums.Of(r.Schema.OutcomeRowKeys.Select(k => r.GetApplications(k, column)));
            if (!any)
            {
                // No outcome printed in this column (blank, GK3003 says so): nothing to add up, whatever the total.
                continue;
            }

            if (sum != (total ?? 0))
            {
                yield return DiagnosticCatalog.OutcomeTotalMismatch.Create(
                    DiagnosticLocation.Cell("三", ApplicationKeys.OutcomeTotal, column.Key()),
                    column.Label(), sum, Sums.Show(total));
            }
        }
    }
}
