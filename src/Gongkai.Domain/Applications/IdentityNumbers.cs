using System.Globalization;
using System.Text.RegularExpressions;

namespace Gongkai.Domain.Applications;

/// <summary>
/// Checks an identity number by its document type. Returns the Chinese reason it is wrong, or null. A wrong
/// number would file the application under somebody else or nobody (条例第二十九条第二款第一项).
/// </summary>
public static partial class IdentityNumbers
{
    private static readonly int[] CitizenWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CitizenCheck = "10X98765432";

    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string Label(this IdentityDocumentType type) => type switch
    {
        IdentityDocumentType.ResidentIdCard => "居民身份证",
        IdentityDocumentType.ResidencePermit => "港澳台居民居住证",
        IdentityDocumentType.ForeignPermanentResidentCard => "外国人永久居留身份证",
        IdentityDocumentType.Passport => "护照",
        IdentityDocumentType.HongKongMacaoPermit => "港澳居民来往内地通行证",
        IdentityDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdentityDocumentType.UnifiedSocialCreditCode => "统一社会信用代码",
    };

    /// <summary>Whether the document can prove the identity of an applicant of <paramref name="category"/>.</summary>
    public static bool FitsCategory(this IdentityDocumentType type, ApplicantCategory category) =>
        (type == IdentityDocumentType.UnifiedSocialCreditCode) == (category != ApplicantCategory.NaturalPerson);

    /// <summary>The document a category proves identity with unless the applicant says otherwise.</summary>
    public static IdentityDocumentType DefaultFor(ApplicantCategory category) =>
        category == ApplicantCategory.NaturalPerson ? IdentityDocumentType.ResidentIdCard : IdentityDocumentType.UnifiedSocialCreditCode;

    /// <summary>The reason <paramref name="number"/> is not a valid number of <paramref name="type"/>, or null when it is.</summary>
    /// <param name="today">Birth dates after today are implausible.</param>
    public static string? Problem(IdentityDocumentType type, string number, DateOnly today)
    {
        var n = number.Trim().ToUpperInvariant();
        return type switch
        {
            IdentityDocumentType.ResidentIdCard => CitizenNumber(n, today, "居民身份证号码", residencePermit: false),
            IdentityDocumentType.ResidencePermit => CitizenNumber(n, today, "港澳台居民居住证号码", residencePermit: true),
            IdentityDocumentType.ForeignPermanentResidentCard => n.Length == 18
                ? CitizenCheckDigit(n, "外国人永久居留身份证号码", requireRegion: false) ?? (n[0] == '9' ? null : "外国人永久居留身份证号码应以 9 开头")
                : OldPermanentResidentRegex().IsMatch(n) ? null : "外国人永久居留身份证号码应为 18 位（2023 年版）或 3 个字母加 12 位数字（旧版）",
            IdentityDocumentType.Passport => PassportRegex().IsMatch(n) ? null : "护照号码应为 5 至 20 位字母或数字",
            IdentityDocumentType.HongKongMacaoPermit => HongKongMacaoRegex().IsMatch(n) ? null : "港澳居民来往内地通行证号码应为 H 或 M 加 8 位或 10 位数字",
            IdentityDocumentType.TaiwanPermit => TaiwanRegex().IsMatch(n) ? null : "台湾居民来往大陆通行证号码应为 8 位或 10 位数字",
            IdentityDocumentType.UnifiedSocialCreditCode => CreditCode(n),
        };
    }

    // GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
    private static string? CitizenNumber(string n, DateOnly today, string label, bool residencePermit)
    {
        if (CitizenCheckDigit(n, label, requireRegion: true) is { } problem)
        {
            return problem;
        }

        var region = n[..2];
        if (residencePermit != (region is "81" or "82" or "83"))
        {
            return residencePermit ? "港澳台居民居住证号码应以 81、82 或 83 开头" : "居民身份证号码的地区码不正确（81、82、83 开头的是港澳台居民居住证）";
        }

        if (!DateOnly.TryParseExact(n[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ||
            born.Year < 1900 || born > today)
        {
            return $"{label}中的出生日期（第 7 至 14 位）不是有效日期";
        }

        return null;
    }

    private static string? CitizenCheckDigit(string n, string label, bool requireRegion)
    {
        if (!CitizenRegex().IsMatch(n))
        {
            return $"{label}应为 18 位，前 17 位是数字，最后一位是数字或 X";
        }

        if (requireRegion && n[0] is '0' or '9')
        {
            return $"{label}的地区码不正确";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (n[i] - '0') * CitizenWeights[i];
        }

        return CitizenCheck[sum % 11] == n[17] ? null : $"{label}的校验码（最后一位）不正确，请核对";
    }

    // GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V); the last is a MOD 31 check character.
    private static string? CreditCode(string n)
    {
        if (n.Length != 18 || n.Any(c => !CreditAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）";
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditAlphabet.IndexOf(n[i], StringComparison.Ordinal) * CreditWeights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return CreditAlphabet[check] == n[17] ? null : "统一社会信用代码的校验码（最后一位）不正确，请核对";
    }

    [GeneratedRegex("^[0-9]{17}[0-9X]$")]
    private static partial Regex CitizenRegex();

    [GeneratedRegex("^[A-Z]{3}[0-9]{12}$")]
    private static partial Regex OldPermanentResidentRegex();

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex PassportRegex();

    [GeneratedRegex("^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HongKongMacaoRegex();

    [GeneratedRegex("^[0-9]{8}([0-9]{2})?$")]
    private static partial Regex TaiwanRegex();
}
