namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Where an agency's report for a year stands, as the overview shows it and its JSON spells it (the words
/// officers use, kept in Chinese in the JSON too, so an export reads the same as the page).
/// </summary>
public static class ReportStatus
{
    /// <summary>Nothing yet: no draft, no publication, nothing collected.</summary>
    public const string NotStarted = "未开始";

    /// <summary>A draft in Gongkai, not published.</summary>
    public const string Draft = "草稿";

    /// <summary>Published in Gongkai.</summary>
    public const string Published = "已发布";

    /// <summary>Collected from a file by the supervising office (the agency does not publish through Gongkai).</summary>
    public const string Collected = "已收集";

    public static IReadOnlyList<string> All { get; } = [NotStarted, Draft, Published, Collected];
}
