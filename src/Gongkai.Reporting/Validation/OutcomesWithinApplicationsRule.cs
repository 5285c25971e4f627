using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// C-04 (I-05/I-06): each application has exactly one final outcome, so outcomes cannot outnumber the
/// applications on hand (new + carried over). A larger （七）总计 means some application was counted
/// under more than one outcome — typically partial disclosure also counted as 予以公开 or 不予公开.
/// </summary>
public sealed class OutcomesWithinApplicationsRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var column in ApplicantColumns.All)
        {
            var outcomes = r.GetApplications(ApplicationKeys.OutcomeTotal, column);
            var (onHand, any) = Sums.Of([
                r.GetApplications(ApplicationKeys.NewReceived, column),
                r.GetApplications(ApplicationKeys.CarriedOver, column)]);
            if (outcomes is { } o && any && o > onHand)
            {
                yield return DiagnosticCatalog.OutcomesExceedApplications.Create(
                    DiagnosticLocation.Cell("三", ApplicationKeys.OutcomeTotal, column.Key()), column.Label(), o, onHand);
            }
        }
    }
}
