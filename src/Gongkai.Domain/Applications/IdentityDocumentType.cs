namespace Gongkai.Domain.Applications;

/// <summary>
/// 身份证明的种类 — the document an applicant proves identity with (条例第二十九条第二款第一项: 身份证明 of a
/// citizen, 统一社会信用代码 of a legal person or other organisation).
/// </summary>
public enum IdentityDocumentType
{
    /// <summary>居民身份证 (GB 11643 公民身份号码).</summary>
    ResidentIdCard,

    /// <summary>港澳台居民居住证 (GB 11643 number with the 810000/820000/830000 region code).</summary>
    ResidencePermit,

    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResidentCard,

    /// <summary>护照.</summary>
    Passport,

    /// <summary>港澳居民来往内地通行证.</summary>
    HongKongMacaoPermit,

    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit,

    /// <summary>统一社会信用代码 (GB 32100) of a legal person or other organisation.</summary>
    UnifiedSocialCreditCode,
}
