namespace Gongkai.Domain.Registry;

/// <summary>The steps of the review before release (条例第十七条), and sending a document back or reopening it.</summary>
public enum ReviewAction
{
    /// <summary>提交审查 — the author hands the draft in.</summary>
    Submit,

    /// <summary>公开属性审查通过 — the attribute (主动/依申请/不予公开) is confirmed.</summary>
    ConfirmAttribute,

    /// <summary>保密审查通过.</summary>
    ClearSecrecy,

    /// <summary>负责人批准 — publishes a 主动公开 document, records the others as decided.</summary>
    Approve,

    /// <summary>退回修改 — any reviewer sends the document back to the author.</summary>
    Return,

    /// <summary>变更 — a published document changed (amended, repealed…): it goes through the review again.</summary>
    Reopen,
}

/// <summary>Labels of <see cref="ReviewAction"/>.</summary>
public static class ReviewActionLabels
{
    public static string Label(this ReviewAction action) => action switch
    {
        ReviewAction.Submit => "提交审查",
        ReviewAction.ConfirmAttribute => "公开属性审查通过",
        ReviewAction.ClearSecrecy => "保密审查通过",
        ReviewAction.Approve => "批准发布",
        ReviewAction.Return => "退回修改",
        ReviewAction.Reopen => "登记变更并重新审查",
    };
}
