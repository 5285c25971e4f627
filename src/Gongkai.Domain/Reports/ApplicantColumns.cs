namespace Gongkai.Domain.Reports;

/// <summary>Keys and official labels of the applicant columns.</summary>
public static class ApplicantColumns
{
    /// <summary>All seven columns in the printed order.</summary>
    public static IReadOnlyList<ApplicantColumn> All { get; } =
    [
        ApplicantColumn.NaturalPerson, ApplicantColumn.Commercial, ApplicantColumn.Research,
        ApplicantColumn.SocialWelfare, ApplicantColumn.LegalService, ApplicantColumn.OtherOrganisation,
        ApplicantColumn.Total,
    ];

    /// <summary>The six applicant categories that add up to 总计 (C-03).</summary>
    public static IReadOnlyList<ApplicantColumn> Categories { get; } = All.Take(6).ToArray();

    /// <summary>The five organisation categories (法人或其他组织).</summary>
    public static IReadOnlyList<ApplicantColumn> Organisations { get; } = All.Skip(1).Take(5).ToArray();

    public static string Key(this ApplicantColumn column) => column switch
    {
        ApplicantColumn.NaturalPerson => "natural_person",
        ApplicantColumn.Commercial => "org.commercial",
        ApplicantColumn.Research => "org.research",
        ApplicantColumn.SocialWelfare => "org.social_welfare",
        ApplicantColumn.LegalService => "org.legal_service",
        ApplicantColumn.OtherOrganisation => "org.other",
        ApplicantColumn.Total => "total",
    };

    public static string Label(this ApplicantColumn column) => column switch
    {
        ApplicantColumn.NaturalPerson => "自然人",
        ApplicantColumn.Commercial => "商业企业",
        ApplicantColumn.Research => "科研机构",
        ApplicantColumn.SocialWelfare => "社会公益组织",
        ApplicantColumn.LegalService => "法律服务机构",
        ApplicantColumn.OtherOrganisation => "其他",
        ApplicantColumn.Total => "总计",
    };

    public static bool TryParseKey(string key, out ApplicantColumn column)
    {
        foreach (var c in All)
        {
            if (c.Key() == key)
            {
                column = c;
                return true;
            }
        }

        column = default;
        return false;
    }
}
