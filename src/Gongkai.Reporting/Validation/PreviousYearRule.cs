using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// Cross-year rules need the same agency's report for the year before; a report that is not that is
/// refused for comparison with GK3010 rather than producing false C-06/C-07 findings.
/// </summary>
public sealed class PreviousYearRule : IReportRule
{
    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (context.Previous is { } previous && !IsComparable(context.Report, previous))
        {
            yield return DiagnosticCatalog.PreviousReportMismatch.Create(
                DiagnosticLocation.Meta("previous"),
                previous.Agency ?? "（机关未知）", previous.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?",
                context.Report.Agency ?? "（机关未知）", context.Report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?");
        }
    }

    public static bool IsComparable(AnnualReport report, AnnualReport previous)
    {
        if (report.Year is not { } year || previous.Year is not { } prevYear || prevYear != year - 1)
        {
            return false;
        }

        return report.Agency is null || previous.Agency is null ||
               Normalize(report.Agency) == Normalize(previous.Agency);
    }

    private static string Normalize(string agency) => string.Concat(agency.Where(c => !char.IsWhiteSpace(c)));
}
