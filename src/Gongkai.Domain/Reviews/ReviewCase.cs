using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Reviews;

/// <summary>
/// 行政复议、行政诉讼 about a disclosure decision (条例第五十一条), linked to the application. Where this
/// agency is the reconsideration body sued as a co-defendant, the case is counted only by the agency that
/// made the original decision, not by this one (I-07).
/// </summary>
public sealed record ReviewCase(
    Guid Id,
    string AgencyCode,
    Guid? ApplicationId,
    ReviewKind Kind,
    DateOnly FiledOn,
    ReviewResult Result,
    DateOnly? DecidedOn,
    bool AgencyIsReconsiderationBodyCoDefendant)
{
    public bool CountsForAgency => !AgencyIsReconsiderationBodyCoDefendant;

    /// <summary>
    /// [I] Counted in year Y when filed in Y, or filed earlier and still open at the start of Y; its column is
    /// its result if decided by 31 December of Y, else 尚未审结.
    /// </summary>
    public bool CountsInYear(int year) =>
        CountsForAgency && FiledOn.Year <= year && (FiledOn.Year == year || DecidedOn is null || DecidedOn.Value.Year >= year);

    public ReviewResult ResultAtEndOf(int year) =>
        DecidedOn is { } decided && decided.Year <= year ? Result : ReviewResult.Pending;

    /// <summary>The table 四 cell key of this case in year Y.</summary>
    public string ColumnKey(int year)
    {
        var prefix = Kind switch
        {
            ReviewKind.Reconsideration => "review.",
            ReviewKind.DirectLitigation => "litigation.direct.",
            ReviewKind.LitigationAfterReconsideration => "litigation.after_review.",
        };
        return prefix + ResultAtEndOf(year) switch
        {
            ReviewResult.Pending => "pending",
            ReviewResult.Upheld => "upheld",
            ReviewResult.Corrected => "corrected",
            ReviewResult.Other => "other",
        };
    }

    public static string TotalKey(ReviewKind kind) => kind switch
    {
        ReviewKind.Reconsideration => "review.total",
        ReviewKind.DirectLitigation => "litigation.direct.total",
        ReviewKind.LitigationAfterReconsideration => "litigation.after_review.total",
    };

    /// <summary>The report's review columns, for completeness checks.</summary>
    public static IReadOnlyList<ReviewColumn> Columns => ReportSchema.Edition2021.ReviewColumns;
}
