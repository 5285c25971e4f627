using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// ogi-rules §5 (note of the 2019 format on （六）其他处理): every application should in principle end
/// in a statutory outcome; supervisors look into agencies with many 其他处理. Threshold: options [I].
/// </summary>
public sealed class HighOtherOutcomesRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        var total = r.GetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.Total);
        if (total is not { } t || t < context.Options.HighOtherMinimumOutcomes)
        {
            yield break;
        }

        var otherKeys = r.Schema.OutcomeRowKeys.Where(k => k.StartsWith(ApplicationKeys.OutcomeOther2019, StringComparison.Ordinal));
        var (other, _) = Sums.Of(otherKeys.Select(k => r.GetApplications(k, ApplicantColumn.Total)));
        if (other > 0 && other >= context.Options.HighOtherShare * t)
        {
            var percent = Math.Round(100m * other / t, 1);
            yield return DiagnosticCatalog.HighOtherOutcomes.Create(
                DiagnosticLocation.Cell("三", r.Edition == ReportEdition.Edition2019 ? ApplicationKeys.OutcomeOther2019 : ApplicationKeys.OutcomeOtherOther, "total"),
                other, t, percent);
        }
    }
}
