using Gongkai.Domain.Applications;

namespace Gongkai.Domain.Tests.Applications;

/// <summary>GB 11643 (公民身份号码) and GB 32100 (统一社会信用代码) check characters, and the other documents by type.</summary>
public sealed class IdentityNumbersTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, "110101199001011237")]
    [InlineData(IdentityDocumentType.ResidentIdCard, "11010519491231002x")] // lower-case X accepted
    [InlineData(IdentityDocumentType.ResidencePermit, "810000199001011230")]
    [InlineData(IdentityDocumentType.ForeignPermanentResidentCard, "USA123456789012")]
    [InlineData(IdentityDocumentType.Passport, "E12345678")]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "M12345678")]
    [InlineData(IdentityDocumentType.TaiwanPermit, "12345678")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "91350100M000100Y43")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "91110000100000000R")]
    public void Problem_ValidNumber_Null(IdentityDocumentType type, string number) =>
        Assert.Null(IdentityNumbers.Problem(type, number, Today));

    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, "110101199001011234", "校验码")]
    [InlineData(IdentityDocumentType.ResidentIdCard, "123", "18 位")]
    [InlineData(IdentityDocumentType.ResidentIdCard, "110101202712310019", "出生日期")] // born after today
    [InlineData(IdentityDocumentType.ResidentIdCard, "440524188001010014", "出生日期")] // born before 1900
    [InlineData(IdentityDocumentType.ResidentIdCard, "110101199002301236", "出生日期")] // 30 February
    [InlineData(IdentityDocumentType.ResidentIdCard, "810000199001011230", "港澳台居民居住证")]
    [InlineData(IdentityDocumentType.ResidencePermit, "110101199001011237", "81、82 或 83")]
    [InlineData(IdentityDocumentType.Passport, "E1", "护照号码")]
    [InlineData(IdentityDocumentType.HongKongMacaoPermit, "X12345678", "H 或 M")]
    [InlineData(IdentityDocumentType.TaiwanPermit, "1234", "8 位或 10 位")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "91350100M000100Y44", "校验码")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "91350100M000100I43", "不含 I")]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, "913501", "18 位")]
    public void Problem_BadNumber_NamesTheReason(IdentityDocumentType type, string number, string reason) =>
        Assert.Contains(reason, IdentityNumbers.Problem(type, number, Today), StringComparison.Ordinal);

    [Theory]
    [InlineData(IdentityDocumentType.ResidentIdCard, ApplicantCategory.NaturalPerson, true)]
    [InlineData(IdentityDocumentType.Passport, ApplicantCategory.NaturalPerson, true)]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, ApplicantCategory.NaturalPerson, false)]
    [InlineData(IdentityDocumentType.UnifiedSocialCreditCode, ApplicantCategory.Research, true)]
    [InlineData(IdentityDocumentType.ResidentIdCard, ApplicantCategory.Commercial, false)]
    public void FitsCategory_PersonsAndOrganisations(IdentityDocumentType type, ApplicantCategory category, bool fits) =>
        Assert.Equal(fits, type.FitsCategory(category));
}
