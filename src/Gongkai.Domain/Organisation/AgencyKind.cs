namespace Gongkai.Domain.Organisation;

/// <summary>机关类别 — a people's government, one of its departments, or another body that discloses (条例第五十四条、第五十五条).</summary>
public enum AgencyKind
{
    /// <summary>人民政府（含其办公厅/室）.</summary>
    Government = 1,

    /// <summary>政府部门.</summary>
    Department = 2,

    /// <summary>其他（法律法规授权的组织、公共企事业单位等）.</summary>
    Other = 3,
}
