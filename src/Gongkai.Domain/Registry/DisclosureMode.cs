namespace Gongkai.Domain.Registry;

/// <summary>
/// 公开方式 (公开属性) — set for every document while it is drafted (源头认定): 主动公开, 依申请公开, or 不予公开,
/// the last with its reason and legal ground (条例第十四条、第十五条、第十六条).
/// </summary>
public enum DisclosureMode
{
    Proactive,
    OnRequest,
    Withheld,
}

/// <summary>Labels of <see cref="DisclosureMode"/>.</summary>
public static class DisclosureModes
{
    public static string Label(this DisclosureMode mode) => mode switch
    {
        DisclosureMode.Proactive => "主动公开",
        DisclosureMode.OnRequest => "依申请公开",
        DisclosureMode.Withheld => "不予公开",
    };

    /// <summary>The marking printed on the document (此件公开发布 / 此件依申请公开 / 此件不予公开).</summary>
    public static string Marking(this DisclosureMode mode) => mode switch
    {
        DisclosureMode.Proactive => "（此件公开发布）",
        DisclosureMode.OnRequest => "（此件依申请公开）",
        DisclosureMode.Withheld => "（此件不予公开）",
    };
}
