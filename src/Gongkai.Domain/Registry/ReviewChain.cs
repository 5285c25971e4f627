namespace Gongkai.Domain.Registry;

/// <summary>What the review chain needs to know about a document and who acted on it so far.</summary>
/// <param name="State">Where it stands.</param>
/// <param name="Author">The drafter (起草人).</param>
/// <param name="Mode">The proposed attribute.</param>
/// <param name="WithheldGround">The reason and legal ground of 不予公开 (required for that attribute).</param>
/// <param name="AttributeReviewer">Who confirmed the attribute, once done.</param>
/// <param name="Editors">
/// Everyone who changed the draft's text or attachments after it was created (修改人), the author included or not: they
/// wrote some of what is published, so the steps a second person must take are not theirs either.
/// </param>
public sealed record ReviewSubject(ReviewState State, string Author, DisclosureMode Mode, string? WithheldGround, string? AttributeReviewer, IReadOnlyCollection<string>? Editors = null);

/// <summary>The answer to a review step: the new state, or refused with the reason in Chinese.</summary>
public sealed record ReviewDecision(bool Succeeded, ReviewState State, string? Error)
{
    public static ReviewDecision To(ReviewState state) => new(true, state, null);

    public static ReviewDecision Refused(ReviewState state, string reason) => new(false, state, reason);
}

/// <summary>
/// The review before release (条例第十七条：发布前依照法律法规和国家有关规定对拟公开的政府信息进行审查):
/// 起草 → 公开属性审查 → 保密审查 → 负责人审批 → 发布. [I] Who may do each step (documented choice, see README):
/// <list type="bullet">
/// <item>提交: the author, or an office head.</item>
/// <item>公开属性审查: any officer other than the author (a second pair of eyes on 源头认定).</item>
/// <item>保密审查: an office head or administrator (the designated secrecy reviewer), not the author.</item>
/// <item>批准: an office head or administrator, not the author.</item>
/// <item>退回: whoever may act on the current step. 变更 (reopen a published item): an office head.</item>
/// </list>
/// "The author" is everyone who wrote any of it: the drafter and every officer who later changed the draft's text or
/// attachments (<see cref="ReviewSubject.Editors"/>). A head who rewrites a clerk's draft has become one of its authors,
/// and its review then needs another head or an administrator — else one person could write and release alone.
/// 不予公开 needs its reason and legal ground before it can leave the draft.
/// </summary>
public static class ReviewChain
{
    private const string EditedMessage = "您修改过这条信息的草稿或附件，";

    /// <param name="isHead">The actor is 公开办负责人 or administrator.</param>
    public static ReviewDecision Decide(ReviewSubject d, ReviewAction action, string actor, bool isHead)
    {
        var s = d.State;
        var isAuthor = string.Equals(actor, d.Author, StringComparison.Ordinal);
        var isEditor = !isAuthor && d.Editors?.Contains(actor, StringComparer.Ordinal) == true;
        switch (action)
        {
            case ReviewAction.Submit:
                if (s != ReviewState.Draft)
                {
                    return ReviewDecision.Refused(s, $"该信息当前为“{s.Label()}”，只有起草中的信息可以提交审查");
                }

                if (!isAuthor && !isHead)
                {
                    return ReviewDecision.Refused(s, "只有起草人或公开办负责人可以提交审查");
                }

                if (d.Mode == DisclosureMode.Withheld && string.IsNullOrWhiteSpace(d.WithheldGround))
                {
                    return ReviewDecision.Refused(s, "公开属性为“不予公开”的，须写明理由和法律依据（条例第十四条至第十六条）");
                }

                return ReviewDecision.To(ReviewState.AttributeReview);

            case ReviewAction.ConfirmAttribute:
                if (s != ReviewState.AttributeReview)
                {
                    return ReviewDecision.Refused(s, $"该信息当前为“{s.Label()}”，不在公开属性审查环节");
                }

                return isAuthor ? ReviewDecision.Refused(s, "公开属性审查须由起草人以外的工作人员进行")
                    : isEditor ? ReviewDecision.Refused(s, EditedMessage + "公开属性审查须由起草人和修改人以外的工作人员进行")
                    : ReviewDecision.To(ReviewState.SecrecyReview);

            case ReviewAction.ClearSecrecy:
                if (s != ReviewState.SecrecyReview)
                {
                    return ReviewDecision.Refused(s, $"该信息当前为“{s.Label()}”，不在保密审查环节");
                }

                if (!isHead)
                {
                    return ReviewDecision.Refused(s, "保密审查须由公开办负责人或指定的审查人员（管理员）进行（条例第十七条）");
                }

                return isAuthor ? ReviewDecision.Refused(s, "起草人不能对自己起草的信息进行保密审查")
                    : isEditor ? ReviewDecision.Refused(s, EditedMessage + "不能对其进行保密审查，须由另一位公开办负责人或管理员进行")
                    : ReviewDecision.To(ReviewState.Approval);

            case ReviewAction.Approve:
                if (s != ReviewState.Approval)
                {
                    return ReviewDecision.Refused(s, $"该信息当前为“{s.Label()}”，须先完成公开属性审查和保密审查");
                }

                if (!isHead)
                {
                    return ReviewDecision.Refused(s, "发布须经公开办负责人批准");
                }

                if (isAuthor)
                {
                    return ReviewDecision.Refused(s, "起草人不能批准发布自己起草的信息");
                }

                if (isEditor)
                {
                    return ReviewDecision.Refused(s, EditedMessage + "不能批准发布，须由另一位公开办负责人或管理员批准");
                }

                return ReviewDecision.To(d.Mode == DisclosureMode.Proactive ? ReviewState.Published : ReviewState.Approved);

            case ReviewAction.Return:
                return s switch
                {
                    ReviewState.AttributeReview when !isAuthor && !isEditor => ReviewDecision.To(ReviewState.Draft),
                    ReviewState.SecrecyReview or ReviewState.Approval when isHead => ReviewDecision.To(ReviewState.Draft),
                    ReviewState.AttributeReview or ReviewState.SecrecyReview or ReviewState.Approval =>
                        ReviewDecision.Refused(s, "只有当前环节的审查人员可以退回"),
                    _ => ReviewDecision.Refused(s, $"该信息当前为“{s.Label()}”，没有可退回的审查"),
                };

            case ReviewAction.Reopen:
                if (s is not (ReviewState.Published or ReviewState.Approved))
                {
                    return ReviewDecision.Refused(s, "只有已发布或已审定的信息可以登记变更");
                }

                return isHead
                    ? ReviewDecision.To(ReviewState.Draft)
                    : ReviewDecision.Refused(s, "登记变更须由公开办负责人进行");

            default:
                return ReviewDecision.Refused(s, "未知的操作");
        }
    }
}
