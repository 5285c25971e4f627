namespace Gongkai.Domain.Deadlines;

/// <summary>
/// 提交方式 — how an application arrived, which decides its receipt date (条例第三十一条, R-19).
/// </summary>
public enum ReceiptChannel
{
    /// <summary>当面提交: the day of submission.</summary>
    InPerson,

    /// <summary>以邮寄方式提交（需签收）: the day the agency signs for it.</summary>
    RegisteredPost,

    /// <summary>以平常信函等无需签收的邮寄方式提交: the day the office confirms with the applicant, on the day it arrives.</summary>
    OrdinaryPost,

    /// <summary>通过互联网渠道提交: the day both sides confirm receipt.</summary>
    Online,

    /// <summary>通过政府信息公开工作机构的传真提交: the day both sides confirm receipt.</summary>
    Fax,
}
