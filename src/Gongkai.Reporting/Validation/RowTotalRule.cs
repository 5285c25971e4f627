using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>C-03: in every row of table 三, 总计 equals the six applicant columns added up.</summary>
public sealed class RowTotalRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var row in r.Schema.ApplicationDataRows)
        {
            var total = r.GetApplications(row.Key!, ApplicantColumn.Total);
            if (total is null)
            {
                continue;
            }

            var (sum, any) = Sums.Of(ApplicantColumns.Categories.Select(c => r.GetApplications(row.Key!, c)));
            // No applicant column printed in this row (blank, GK3003 says so): nothing to add up.
            if (any && sum != total)
            {
                yield return DiagnosticCatalog.RowTotalMismatch.Create(
                    DiagnosticLocation.Cell("三", row.Key, ApplicantColumn.Total.Key()), row.Label, sum, total);
            }
        }
    }
}
