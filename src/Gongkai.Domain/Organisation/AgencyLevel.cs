namespace Gongkai.Domain.Organisation;

/// <summary>行政层级 — the level of government an agency belongs to. Stored as its number.</summary>
public enum AgencyLevel
{
    /// <summary>国务院部门.</summary>
    StateCouncilDepartment = 1,

    /// <summary>省（自治区、直辖市）.</summary>
    Province = 2,

    /// <summary>市（地级）.</summary>
    City = 3,

    /// <summary>县（区、县级市）.</summary>
    County = 4,

    /// <summary>乡镇街道.</summary>
    Township = 5,
}
