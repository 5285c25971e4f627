namespace Gongkai.Domain.Reports;

/// <summary>One of the six section headings of the template (ogi-rules §4.1).</summary>
/// <param name="Key"><c>sec1</c> … <c>sec6</c>.</param>
/// <param name="Heading">The exact heading, e.g. <c>一、总体情况</c>.</param>
/// <param name="Placeholder">The template's instruction text for free-text sections, or null for table sections.</param>
public sealed record ReportSection(string Key, string Heading, string? Placeholder)
{
    public bool IsNarrative => Placeholder is not null;

    public static IReadOnlyList<ReportSection> All(ReportEdition edition) =>
    [
        new("sec1", "一、总体情况", "（文字描述）"),
        new("sec2", "二、主动公开政府信息情况", null),
        new("sec3", "三、收到和处理政府信息公开申请情况", null),
        new("sec4", "四、政府信息公开行政复议、行政诉讼情况", null),
        new("sec5", "五、存在的主要问题及改进情况", "（文字描述）"),
        new("sec6", "六、其他需要报告的事项", edition switch
        {
            ReportEdition.Edition2021 => "（文字描述，收取信息处理费情况在此处报告。）",
            ReportEdition.Edition2019 => "（文字描述）",
        }),
    ];
}
