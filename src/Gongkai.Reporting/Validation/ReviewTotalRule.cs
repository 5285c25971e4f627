using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Validation;

/// <summary>C-05: in each of the three groups of table 四, 总计 = 维持 + 纠正 + 其他 + 尚未审结.</summary>
public sealed class ReviewTotalRule : IReportRule
{
    public bool ReadsPreviousReport => false;

    public IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var r = context.Report;
        foreach (var group in r.Schema.ReviewColumns.GroupBy(c => c.Group))
        {
            var totalColumn = group.Single(c => c.IsTotal);
            var total = r.GetReview(totalColumn.Key);
            var (sum, any) = Sums.Of(group.Where(c => !c.IsTotal).Select(c => r.GetReview(c.Key)));
            if (!any)
            {
                // No result printed in this group (blank, GK3003 says so): nothing to add up, whatever the total.
                continue;
            }

            if (sum != (total ?? 0))
            {
                yield return DiagnosticCatalog.ReviewTotalMismatch.Create(
                    DiagnosticLocation.Cell("四", totalColumn.Key), GroupLabel(group.Key), sum, Sums.Show(total));
            }
        }
    }

    internal static string GroupLabel(ReviewGroup group) => group switch
    {
        ReviewGroup.Reconsideration => "行政复议",
        ReviewGroup.DirectLitigation => "行政诉讼·未经复议直接起诉",
        ReviewGroup.LitigationAfterReconsideration => "行政诉讼·复议后起诉",
    };
}
