namespace Gongkai.Domain.Reviews;

/// <summary>The Chinese names of review kinds and results, as officers and table 四 use them.</summary>
public static class ReviewLabels
{
    public static string Label(this ReviewKind kind) => kind switch
    {
        ReviewKind.Reconsideration => "行政复议",
        ReviewKind.DirectLitigation => "行政诉讼（未经复议直接起诉）",
        ReviewKind.LitigationAfterReconsideration => "行政诉讼（复议后起诉）",
    };

    public static string Label(this ReviewResult result) => result switch
    {
        ReviewResult.Pending => "尚未审结",
        ReviewResult.Upheld => "结果维持",
        ReviewResult.Corrected => "结果纠正",
        ReviewResult.Other => "其他结果",
    };

    /// <summary>The kind of case a table 四 group counts.</summary>
    public static ReviewKind Kind(this Reports.ReviewGroup group) => group switch
    {
        Reports.ReviewGroup.Reconsideration => ReviewKind.Reconsideration,
        Reports.ReviewGroup.DirectLitigation => ReviewKind.DirectLitigation,
        Reports.ReviewGroup.LitigationAfterReconsideration => ReviewKind.LitigationAfterReconsideration,
    };
}
