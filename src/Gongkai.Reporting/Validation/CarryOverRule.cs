using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>C-06: 二、上年结转 (Y) equals 四、结转下年度继续办理 (Y−1), column by column.</summary>
public sealed class CarryOverRule : IReportRule
{
    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (context.ComparablePrevious is not { } previous)
        {
            yield break;
        }

        foreach (var column in ApplicantColumns.All)
        {
            var carriedOver = context.Report.GetApplications(ApplicationKeys.CarriedOver, column);
            var carriedForward = previous.GetApplications(ApplicationKeys.CarriedForward, column);
            if (carriedOver is null && carriedForward is null)
            {
                continue;
            }

            if ((carriedOver ?? 0) != (carriedForward ?? 0))
            {
                yield return DiagnosticCatalog.CarryOverMismatch.Create(
                    DiagnosticLocation.Cell("三", ApplicationKeys.CarriedOver, column.Key()),
                    column.Label(), Sums.Show(carriedOver), previous.Year, Sums.Show(carriedForward));
            }
        }
    }
}
