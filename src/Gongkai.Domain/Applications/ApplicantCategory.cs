using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Applications;

/// <summary>申请人类别 — the six applicant columns of table 三.</summary>
public enum ApplicantCategory
{
    NaturalPerson,
    Commercial,
    Research,
    SocialWelfare,
    LegalService,
    OtherOrganisation,
}

/// <summary>Mapping to the report columns.</summary>
public static class ApplicantCategories
{
    public static ApplicantColumn Column(this ApplicantCategory category) => category switch
    {
        ApplicantCategory.NaturalPerson => ApplicantColumn.NaturalPerson,
        ApplicantCategory.Commercial => ApplicantColumn.Commercial,
        ApplicantCategory.Research => ApplicantColumn.Research,
        ApplicantCategory.SocialWelfare => ApplicantColumn.SocialWelfare,
        ApplicantCategory.LegalService => ApplicantColumn.LegalService,
        ApplicantCategory.OtherOrganisation => ApplicantColumn.OtherOrganisation,
    };
}
