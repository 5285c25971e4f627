namespace Gongkai.Domain.Applications;

/// <summary>
/// Which replies the head of the disclosure office (公开办负责人) approves before they are issued. A refusal, a
/// partial disclosure or any answer short of full disclosure affects the applicant's rights (条例第三十六条、
/// 第三十七条) and is open to 行政复议 and 行政诉讼 (条例第五十一条): by default those are approved; an agency may
/// have every reply approved.
/// </summary>
public enum ApprovalPolicy
{
    /// <summary>Every outcome except 予以公开 is approved before it is issued (the default).</summary>
    AllButGranted,

    /// <summary>Every outcome, 予以公开 included, is approved before it is issued.</summary>
    All,
}

/// <summary>What an <see cref="ApprovalPolicy"/> requires.</summary>
public static class ApprovalPolicies
{
    public static bool Requires(this ApprovalPolicy policy, Outcome outcome) => policy switch
    {
        ApprovalPolicy.AllButGranted => outcome != Outcome.Granted,
        ApprovalPolicy.All => true,
    };
}
