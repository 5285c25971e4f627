using Gongkai.Domain.Registry;

namespace Gongkai.Domain.Tests.Registry;

/// <summary>The review before release (条例第十七条) as a table: state × step × who → new state, or refused with a reason.</summary>
public sealed class ReviewChainTests
{
    private const string Author = "clerk";

    public static TheoryData<ReviewState, ReviewAction, string, bool, ReviewState?> Steps => new()
    {
        // state, step, actor, is head, expected state (null = refused)
        { ReviewState.Draft, ReviewAction.Submit, Author, false, ReviewState.AttributeReview },
        { ReviewState.Draft, ReviewAction.Submit, "clerk2", false, null },
        { ReviewState.Draft, ReviewAction.Submit, "head", true, ReviewState.AttributeReview },
        { ReviewState.Draft, ReviewAction.Approve, "head", true, null },
        { ReviewState.Draft, ReviewAction.ConfirmAttribute, "clerk2", false, null },
        { ReviewState.AttributeReview, ReviewAction.ConfirmAttribute, Author, false, null },
        { ReviewState.AttributeReview, ReviewAction.ConfirmAttribute, "clerk2", false, ReviewState.SecrecyReview },
        { ReviewState.AttributeReview, ReviewAction.ClearSecrecy, "head", true, null },
        { ReviewState.AttributeReview, ReviewAction.Return, "clerk2", false, ReviewState.Draft },
        { ReviewState.AttributeReview, ReviewAction.Return, Author, false, null },
        { ReviewState.SecrecyReview, ReviewAction.ClearSecrecy, "clerk2", false, null },
        { ReviewState.SecrecyReview, ReviewAction.ClearSecrecy, "head", true, ReviewState.Approval },
        { ReviewState.SecrecyReview, ReviewAction.Return, "clerk2", false, null },
        { ReviewState.SecrecyReview, ReviewAction.Return, "head", true, ReviewState.Draft },
        { ReviewState.Approval, ReviewAction.Approve, "clerk2", false, null },
        { ReviewState.Approval, ReviewAction.Approve, "head", true, ReviewState.Published },
        { ReviewState.Published, ReviewAction.Approve, "head", true, null },
        { ReviewState.Published, ReviewAction.Reopen, "clerk2", false, null },
        { ReviewState.Published, ReviewAction.Reopen, "head", true, ReviewState.Draft },
        { ReviewState.Approval, ReviewAction.Reopen, "head", true, null },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Decide_StateStepActor_ExpectedStateOrRefusedWithReason(ReviewState state, ReviewAction action, string actor, bool isHead, ReviewState? expected)
    {
        var decision = ReviewChain.Decide(new ReviewSubject(state, Author, DisclosureMode.Proactive, null, null), action, actor, isHead);

        if (expected is { } to)
        {
            Assert.True(decision.Succeeded, decision.Error);
            Assert.Equal(to, decision.State);
        }
        else
        {
            Assert.False(decision.Succeeded);
            Assert.Equal(state, decision.State);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", decision.Error);
        }
    }

    [Fact]
    public void Decide_AuthorWhoIsHead_CannotApproveOwnDraft()
    {
        var d = ReviewChain.Decide(new ReviewSubject(ReviewState.Approval, "head", DisclosureMode.Proactive, null, "clerk"), ReviewAction.Approve, "head", true);

        Assert.False(d.Succeeded);
        Assert.Contains("起草人不能批准", d.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WithheldWithoutGround_CannotBeSubmitted()
    {
        var d = ReviewChain.Decide(new ReviewSubject(ReviewState.Draft, Author, DisclosureMode.Withheld, " ", null), ReviewAction.Submit, Author, false);

        Assert.False(d.Succeeded);
        Assert.Contains("法律依据", d.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DisclosureMode.Proactive, ReviewState.Published)]
    [InlineData(DisclosureMode.OnRequest, ReviewState.Approved)]
    [InlineData(DisclosureMode.Withheld, ReviewState.Approved)]
    public void Decide_Approve_OnlyProactiveIsPublished(DisclosureMode mode, ReviewState expected)
    {
        var d = ReviewChain.Decide(new ReviewSubject(ReviewState.Approval, Author, mode, "条例第十四条", "clerk2"), ReviewAction.Approve, "head", true);

        Assert.Equal(expected, d.State);
    }

    /// <summary>Whoever changed the draft after it was created wrote part of it: refused where the drafter is, with the reason.</summary>
    [Theory]
    [InlineData(ReviewState.AttributeReview, ReviewAction.ConfirmAttribute, "head", true, "公开属性审查须由起草人和修改人以外的工作人员进行")]
    [InlineData(ReviewState.AttributeReview, ReviewAction.ConfirmAttribute, "clerk2", false, "公开属性审查须由起草人和修改人以外的工作人员进行")]
    [InlineData(ReviewState.SecrecyReview, ReviewAction.ClearSecrecy, "head", true, "不能对其进行保密审查")]
    [InlineData(ReviewState.Approval, ReviewAction.Approve, "head", true, "不能批准发布")]
    [InlineData(ReviewState.AttributeReview, ReviewAction.Return, "head", true, "只有当前环节的审查人员可以退回")]
    public void Decide_ActorEditedTheDraft_RefusedAsTheAuthorIs(ReviewState state, ReviewAction action, string actor, bool isHead, string reason)
    {
        var edited = new ReviewSubject(state, Author, DisclosureMode.Proactive, null, "clerk3", ["head", "clerk2", Author]);

        var d = ReviewChain.Decide(edited, action, actor, isHead);

        Assert.False(d.Succeeded);
        Assert.Equal(state, d.State);
        Assert.Contains(reason, d.Error, StringComparison.Ordinal);
        Assert.True(ReviewChain.Decide(edited with { Editors = [] }, action, actor, isHead).Succeeded);
        Assert.True(ReviewChain.Decide(edited, action, isHead ? "head2" : "clerk3", isHead).Succeeded);
    }
}
