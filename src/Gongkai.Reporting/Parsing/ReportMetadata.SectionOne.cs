using System.Text.RegularExpressions;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The last resorts of a title-less report that names itself only at the head of section 一: its first paragraph (or the
/// one after its first run-in subhead) opening with the agency as the subject and no year before it ("文登区住建局高度重视
/// 政府信息公开工作…", "（一）主动公开情况。三亚市坚持以…"); and that paragraph stating the year only inside it, at the head of
/// a later sentence ("…确保各项工作在阳光下运行。2019年，文登区住建局共主动公开…", "…服务作用。2019年度，我乡…").
/// </summary>
internal static partial class ReportMetadata
{
    /// <summary>The subject opening section 一's first paragraph, or the one after its first run-in subhead; null if none.</summary>
    private static string? SectionOneSubject(IReadOnlyList<SourceLine> preamble, IReadOnlyList<SourceLine> all)
    {
        foreach (var paragraph in SectionOneParagraphs(preamble, all))
        {
            var text = RunInSubheadRegex().Replace(paragraph, string.Empty);
            if (SubjectWithoutYearRegex().Match(text) is { Success: true } m)
            {
                var agency = m.Groups["agency"].Value;
                // Not 我局, 全区, 街道, 区委区政府, 局党组, the office of a 领导小组, the agency's own office (局办公室…).
                return NotANameRegex().IsMatch(agency) || agency.Contains('党', StringComparison.Ordinal) || agency.Contains("委区", StringComparison.Ordinal) ||
                    agency.Contains("小组", StringComparison.Ordinal) || OwnOfficeRegex().IsMatch(agency) ? null : agency;
            }
        }

        return null;
    }

    /// <summary>The year that opens a sentence inside section 一's first paragraph (not its first); null if none, or if the paragraph names two years.</summary>
    private static int? SectionOneYear(IReadOnlyList<SourceLine> preamble, IReadOnlyList<SourceLine> all)
    {
        var first = SectionOneParagraphs(preamble, all).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        // Only where the paragraph names no other year (a subhead's 2023年度工作回顾。2024年，… names two).
        var opening = YearOpeningSentenceRegex().Match(first);
        var years = AnyYearRegex().Matches(first).Select(m => m.Groups["year"].Value).Distinct().Count();
        return opening.Success && years == 1 ? Gongkai.Reporting.Parsing.Text.Digits.Parse(opening.Groups["year"].Value) : null;
    }

    /// <summary>
    /// Section 一's first paragraph and the paragraph of its first run-in subhead ("（一）主动公开情况。…", or the subhead on a
    /// line of its own and its paragraph after it), compacted; none when the text after the preamble does not open with 一.
    /// </summary>
    private static List<string> SectionOneParagraphs(IReadOnlyList<SourceLine> preamble, IReadOnlyList<SourceLine> all)
    {
        var inPreamble = preamble.ToHashSet();
        var lines = all.SkipWhile(l => l.Line == 0 || inPreamble.Contains(l)).Select(l => ChineseText.Compact(l.Text)).Where(t => t.Length > 0).Take(12).ToList();
        if (lines.Count < 2 || !SectionOneHeadingRegex().IsMatch(lines[0]))
        {
            return [];
        }

        var section = lines.Skip(1).TakeWhile(t => !SectionTwoHeadingRegex().IsMatch(t)).ToList();
        var paragraphs = section.Take(1).ToList();
        var subhead = section.FindIndex(t => FirstSubheadRegex().IsMatch(t));
        if (subhead >= 0)
        {
            var alone = !section[subhead].Contains('。', StringComparison.Ordinal) && section[subhead].Length <= 20;
            if (alone && subhead + 1 < section.Count)
            {
                paragraphs.Add(section[subhead + 1]);
            }
            else if (!alone && subhead > 0)
            {
                paragraphs.Add(section[subhead]);
            }
        }

        return paragraphs;
    }

    [GeneratedRegex("^" + SubjectName + SubjectVerb)]
    private static partial Regex SubjectWithoutYearRegex();

    [GeneratedRegex(@"^[（(]一[）)][^。，,；;：:\d]{2,16}。")]
    private static partial Regex RunInSubheadRegex();

    [GeneratedRegex(@"^[（(]一[）)]")]
    private static partial Regex FirstSubheadRegex();

    [GeneratedRegex(@"^一[、.．]")]
    private static partial Regex SectionOneHeadingRegex();

    [GeneratedRegex(@"^二[、.．]")]
    private static partial Regex SectionTwoHeadingRegex();

    [GeneratedRegex(@"^(局|委|办|院|厅)")]
    private static partial Regex OwnOfficeRegex();

    [GeneratedRegex(@"。(?<year>(19|20)\d{2})年度?[，,]")]
    private static partial Regex YearOpeningSentenceRegex();

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年")]
    private static partial Regex AnyYearRegex();
}
