using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>
/// I-09 / F-10 (2021 format): fee collection under the Fee Measures is reported in section 六.
/// [I] Looked for by the words 信息处理费 or 收费 in section 六.
/// </summary>
public sealed class FeeReportedRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        var text = r.Sections.Sec6;
        if (r.Edition == ReportEdition.Edition2021 && text.Trim().Length > 0 &&
            !text.Contains("信息处理费", StringComparison.Ordinal) && !text.Contains("收费", StringComparison.Ordinal) &&
            !text.Contains("收取", StringComparison.Ordinal))
        {
            yield return DiagnosticCatalog.FeeNotReported.Create(DiagnosticLocation.InSection("sec6"));
        }
    }
}
