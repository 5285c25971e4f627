namespace Gongkai.Domain.Registry;

/// <summary>
/// 类别 — what a catalogue item is, by the item of 条例第二十条 it discloses. 规章 and 行政规范性文件 (第（一）项)
/// are counted in table 二; 政策解读 is an interpretation linked to the document it explains.
/// </summary>
public enum DocumentCategory
{
    Regulation,
    NormativeDocument,
    Functions,
    Plans,
    Statistics,
    Licensing,
    PenaltyCoercion,
    Budget,
    Fees,
    Procurement,
    MajorProjects,
    Livelihood,
    Emergencies,
    Inspections,
    CivilServiceRecruitment,
    OtherStatutory,
    Interpretation,
    Other,
}

/// <summary>The official labels of <see cref="DocumentCategory"/>, and their reading back from an import.</summary>
public static class DocumentCategories
{
    public static IReadOnlyList<DocumentCategory> All { get; } = Enum.GetValues<DocumentCategory>();

    public static string Label(this DocumentCategory category) => category switch
    {
        DocumentCategory.Regulation => "规章",
        DocumentCategory.NormativeDocument => "行政规范性文件",
        DocumentCategory.Functions => "机构职能",
        DocumentCategory.Plans => "规划信息",
        DocumentCategory.Statistics => "统计信息",
        DocumentCategory.Licensing => "行政许可",
        DocumentCategory.PenaltyCoercion => "行政处罚和行政强制",
        DocumentCategory.Budget => "财政预算决算",
        DocumentCategory.Fees => "行政事业性收费",
        DocumentCategory.Procurement => "政府集中采购",
        DocumentCategory.MajorProjects => "重大建设项目",
        DocumentCategory.Livelihood => "民生政策措施",
        DocumentCategory.Emergencies => "突发公共事件",
        DocumentCategory.Inspections => "监督检查",
        DocumentCategory.CivilServiceRecruitment => "公务员招考录用",
        DocumentCategory.OtherStatutory => "其他法定主动公开信息",
        DocumentCategory.Interpretation => "政策解读",
        DocumentCategory.Other => "其他",
    };

    /// <summary>The item of 条例第二十条 a category discloses, or null (解读, 其他).</summary>
    public static string? Article(this DocumentCategory category) => category switch
    {
        DocumentCategory.Regulation or DocumentCategory.NormativeDocument => "第二十条第（一）项",
        DocumentCategory.Functions => "第二十条第（二）项",
        DocumentCategory.Plans => "第二十条第（三）项",
        DocumentCategory.Statistics => "第二十条第（四）项",
        DocumentCategory.Licensing => "第二十条第（五）项",
        DocumentCategory.PenaltyCoercion => "第二十条第（六）项",
        DocumentCategory.Budget => "第二十条第（七）项",
        DocumentCategory.Fees => "第二十条第（八）项",
        DocumentCategory.Procurement => "第二十条第（九）项",
        DocumentCategory.MajorProjects => "第二十条第（十）项",
        DocumentCategory.Livelihood => "第二十条第（十一）项",
        DocumentCategory.Emergencies => "第二十条第（十二）项",
        DocumentCategory.Inspections => "第二十条第（十三）项",
        DocumentCategory.CivilServiceRecruitment => "第二十条第（十四）项",
        DocumentCategory.OtherStatutory => "第二十条第（十五）项",
        DocumentCategory.Interpretation or DocumentCategory.Other => null,
    };

    /// <summary>Reads a label as exported by existing sites: the official label, or a common variant (规范性文件, 其它).</summary>
    public static bool TryParse(string? text, out DocumentCategory category)
    {
        var t = (text ?? string.Empty).Trim().Replace("其它", "其他", StringComparison.Ordinal);
        foreach (var c in All)
        {
            if (c.Label() == t)
            {
                category = c;
                return true;
            }
        }

        category = t switch
        {
            "规范性文件" or "其他规范性文件" => DocumentCategory.NormativeDocument,
            "解读" or "政策文件解读" => DocumentCategory.Interpretation,
            _ => DocumentCategory.Other,
        };
        return t is "规范性文件" or "其他规范性文件" or "解读" or "政策文件解读";
    }
}
