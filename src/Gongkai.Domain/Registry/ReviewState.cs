namespace Gongkai.Domain.Registry;

/// <summary>Where a document stands in the review before release (条例第十七条).</summary>
public enum ReviewState
{
    /// <summary>起草中 — the author edits; also where a returned document goes back.</summary>
    Draft,

    /// <summary>待公开属性审查.</summary>
    AttributeReview,

    /// <summary>待保密审查.</summary>
    SecrecyReview,

    /// <summary>待负责人审批.</summary>
    Approval,

    /// <summary>已发布 (主动公开, in the catalogue).</summary>
    Published,

    /// <summary>已审定 — approved as 依申请公开 or 不予公开: recorded, not in the public catalogue.</summary>
    Approved,
}

/// <summary>Labels of <see cref="ReviewState"/>.</summary>
public static class ReviewStates
{
    public static string Label(this ReviewState state) => state switch
    {
        ReviewState.Draft => "起草中",
        ReviewState.AttributeReview => "待公开属性审查",
        ReviewState.SecrecyReview => "待保密审查",
        ReviewState.Approval => "待负责人审批",
        ReviewState.Published => "已发布",
        ReviewState.Approved => "已审定（不主动公开）",
    };

    /// <summary>Not yet released: the 20-working-day clock of 条例第二十六条 runs.</summary>
    public static bool IsPending(this ReviewState state) => state is ReviewState.Draft or ReviewState.AttributeReview or ReviewState.SecrecyReview or ReviewState.Approval;
}
