using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// C-01 (表三表头注明的勾稽关系): for every column, 一 + 二 = 三（七）总计 + 四.
/// </summary>
public sealed class ApplicationsBalanceRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var column in ApplicantColumns.All)
        {
            var received = r.GetApplications(ApplicationKeys.NewReceived, column);
            var carriedOver = r.GetApplications(ApplicationKeys.CarriedOver, column);
            var outcomes = r.GetApplications(ApplicationKeys.OutcomeTotal, column);
            var carriedForward = r.GetApplications(ApplicationKeys.CarriedForward, column);
            var (left, anyLeft) = Sums.Of([received, carriedOver]);
            var (right, anyRight) = Sums.Of([outcomes, carriedForward]);
            if ((anyLeft || anyRight) && left != right)
            {
                yield return DiagnosticCatalog.BalanceMismatch.Create(
                    DiagnosticLocation.Cell("三", ApplicationKeys.OutcomeTotal, column.Key()),
                    column.Label(), Sums.Show(received), Sums.Show(carriedOver), left,
                    Sums.Show(outcomes), Sums.Show(carriedForward), right);
            }
        }
    }
}
