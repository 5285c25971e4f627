using System.Text.RegularExpressions;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// A report that cites the title of an earlier one (公开发布《国家新闻出版署2021年政府信息公开工作年度报告》 in the report on
/// 2022, 对照《某局2022年…年度报告》 in the next): the cited title is the report's own shape in 《》, so only the year the text
/// states for itself tells them apart.
/// </summary>
internal static partial class ReportMetadata
{
    /// <summary>
    /// Whether a report's title starting at <paramref name="at"/> is in 《》 after a verb other than the one that compiles the
    /// report (公开发布《…》, 对照《…》): a title after 编制 (我镇认真编制了《某镇2020年…》) is the report's own, its year
    /// misprinted or not.
    /// </summary>
    private static bool CitedTitle(string line, int at) =>
        at > 0 && line[at - 1] == '《' && !CompilingVerbRegex().IsMatch(line[..(at - 1)]) && !PresentPublishingRegex().IsMatch(line[..(at - 1)]);

    [GeneratedRegex("编制(了|完成了|完成|形成了|形成)?$")]
    private static partial Regex CompilingVerbRegex();

    /// <summary>The report publishing itself now (现向社会公布《…》, 现将《…》, 特此发布《…》): its own title, not a cited one.</summary>
    [GeneratedRegex("(((?<![实发体出展呈表])现|(?<!独)特(?!别)|兹)[^，,。；;《》]{0,8}(公布|发布|公开)|(?<![实发体出展呈表])现将|予以公布|予公布)$")]
    private static partial Regex PresentPublishingRegex();

    /// <summary>The heading of a section after 一 (二、主动公开…, 五、存在的主要问题…).</summary>
    [GeneratedRegex("^[二三四五六七八][、.．,，]")]
    private static partial Regex LaterSectionRegex();

    /// <summary>What follows a year opening a paragraph when the paragraph is a plan (2024年，我局将进一步…): no statement of the report's year.</summary>
    [GeneratedRegex("^[^，,。；;]{0,12}将(进一步|继续|持续|着力|加强|深化|坚持|围绕|聚焦|不断|全面|切实|积极|认真|以|在|紧扣|强化|推动|推进|做好|按照|严格|大力|重点|抓好|完善|提升|规范|加大)")]
    private static partial Regex PlanRegex();

    /// <summary>
    /// The year the text states for itself outside any title: its statistics period, else a paragraph of the opening that
    /// starts with the year (2022年，国家新闻出版署坚持…); null if neither.
    /// </summary>
    private static int? OwnYear(IReadOnlyList<SourceLine> all)
    {
        if (ReportYearStatements.StatisticsPeriod(string.Concat(all.Take(60).Select(l => ChineseText.Fold(l.Text)))) is { } period)
        {
            return period;
        }

        // Section 一 only: a paragraph under 五 opening with next year is a plan (2024年，继续加强…), whatever its verb.
        return all.Take(40).Select(l => ChineseText.Compact(l.Text)).TakeWhile(t => !LaterSectionRegex().IsMatch(t))
            .Select(t => (Text: t, Match: OpeningYearRegex().Match(t)))
            .Where(x => x.Match.Success && !PlanRegex().IsMatch(x.Text[x.Match.Length..]))
            .Select(x => (int?)Gongkai.Reporting.Parsing.Text.Digits.Parse(x.Match.Groups["year"].Value)).FirstOrDefault();
    }
}
