using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The six section headings of a report printed line by line: the words each is known by (the format's, and as agencies
/// reword them), where each stands, and a heading printed on one line with text cut apart from it. Running text (one
/// line) has its own in <see cref="RunningText"/>.
/// </summary>
internal static partial class SectionHeadings
{
    private static readonly (string Key, string Number, string[] Words)[] Headings =
    [
        ("sec1", "一", ["总体情况", "概述", "基本概况", "工作概况", "基本情况", "基本工作", "总体公开"]),
        ("sec2", "二", ["主动公开"]),
        ("sec3", "三", ["收到和处理", "依申请公开", "申请情况"]),
        ("sec4", "四", ["行政复议", "行政诉讼"]),
        ("sec5", "五", ["存在的主要问题", "主要问题", "存在的问题", "突出问题", "问题及改进", "问题和改进"]),
        ("sec6", "六", ["其他需要报告", "其他需报告", "其他事项", "其他需说明", "其他需要说明", "需要说明的其他"]),
    ];

    /// <summary>The machine key of heading <paramref name="h"/> (sec1…sec6).</summary>
    public static string Key(int h) => Headings[h].Key;

    /// <summary>Heading <paramref name="h"/> as the format prints it.</summary>
    public static string Printed(int h) => ReportSection.All(ReportEdition.Edition2021)[h].Heading;

    /// <summary>The label key of each heading as printed (<see cref="Printed"/>), made once.</summary>
    private static readonly string[] PrintedKeys = [.. Enumerable.Range(0, ReportSection.All(ReportEdition.Edition2021).Count).Select(h => ChineseText.LabelKey(Printed(h)))];

    /// <summary>The line of each heading 一…六, or −1: numbered and in order, else known by their words whatever their number.</summary>
    public static int[] Find(IReadOnlyList<SourceLine> lines)
    {
        var at = Enumerable.Repeat(-1, 6).ToArray();
        var from = 0;
        for (var h = 0; h < 6; h++)
        {
            for (var i = from; i < lines.Count; i++)
            {
                if (IsHeading(lines[i].Text, h, anyNumber: false))
                {
                    at[h] = i;
                    from = i + 1;
                    break;
                }
            }
        }

        if (at.Count(i => i >= 0) == 6)
        {
            return at;
        }

        // A report that numbers its sections its own way (a narrative of its own 一…六, then the tables
        // as 一/二/三): headings are known by their words, whatever their number. Each is the last such
        // line before the next one, found from 六 backwards, so an earlier narrative "三、主动公开工作情况"
        // does not take the place of the table section "一、主动公开政府信息情况".
        var shifted = Enumerable.Repeat(-1, 6).ToArray();
        var limit = lines.Count;
        for (var h = 5; h >= 0; h--)
        {
            for (var i = limit - 1; i >= 0; i--)
            {
                if (IsHeading(lines[i].Text, h, anyNumber: true))
                {
                    shifted[h] = i;
                    limit = i;
                    break;
                }
            }
        }

        var chosen = shifted.Count(i => i >= 0) > at.Count(i => i >= 0) ? shifted : at;
        if (chosen[0] < 0 && chosen[1] > 0)
        {
            // 一 in words of the report's own (一、年度工作核心成效): the first short line numbered 一、 before 二.
            for (var i = 0; i < chosen[1]; i++)
            {
                var key = ChineseText.LabelKey(lines[i].Text);
                if (lines[i].Text.Length <= 80 && key.Length is >= 3 and <= 40 && key[0] == '一' && key[1] is ',' or '.')
                {
                    chosen[0] = i;
                    break;
                }
            }
        }

        return chosen;
    }

    /// <summary>
    /// A heading of the format printed on one line with text: before a paragraph ("一、总体情况 根据《条例》…"), or at
    /// the end of one ("…招投标公告等。二、主动公开政府信息情况"). Only the format's own heading words are cut out, after a
    /// full stop or before a space or colon, so a sub-point ("（二）主动公开…") or a sentence that names a section stays whole.
    /// </summary>
    public static IReadOnlyList<SourceLine> InlineApart(IReadOnlyList<SourceLine> lines)
    {
        List<SourceLine>? result = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            var pieces = new List<string>();
            var rest = text;
            if (text.Length > 12 && InlineHeadingRegex().Match(text) is { Success: true } m)
            {
                if (m.Groups["before"].Length > 0)
                {
                    pieces.Add(m.Groups["before"].Value);
                }

                pieces.Add(m.Groups["heading"].Value);
                rest = m.Groups["after"].Value.TrimStart(' ', '\u3000', '：', ':');
                if (rest.Length > 0)
                {
                    pieces.Add(rest);
                }
            }

            if (pieces.Count < 2)
            {
                result?.Add(lines[i]);
                continue;
            }

            result ??= [.. lines.Take(i)];
            result.AddRange(pieces.Select(p => lines[i] with { Text = p }));
        }

        return result ?? lines;
    }

    private static bool IsHeading(string text, int h, bool anyNumber)
    {
        if (text.Length > 80)
        {
            return false;
        }

        var key = ChineseText.LabelKey(text);
        var (_, number, words) = Headings[h];
        if (key.Length > 40 || key.Length < 3 ||
            !(anyNumber ? "一二三四五六七八九十".Contains(key[0], StringComparison.Ordinal) : key.StartsWith(number, StringComparison.Ordinal)))
        {
            return false;
        }

        // The number and its 、; or, the 、 lost, the number run straight into the format's own words for it (一总体情况),
        // not a sub-point that merely starts alike (二主动公开工作).
        return key[1] is ',' or '.'
            ? words.Any(w => key.Contains(w, StringComparison.Ordinal))
            : key.AsSpan(1).StartsWith(PrintedKeys[h].AsSpan(2), StringComparison.Ordinal);
    }

    // The six headings as the format prints them (ReportSection.All; numbered up to 八 in a report of seven or eight parts,
    // 其他需报告的事项 as some print it), the 、 possibly spaced or replaced; at the start
    // of the line before a space or colon and text, or after a full stop at its end (or before a space and text).
    [GeneratedRegex(@"^(?<before>.*?。)?\s*(?<heading>[一二三四五六七八]\s*[、，,.．]\s*(总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要?报告的事项))(?<after>([ \u3000：:].*)?)$")]
    private static partial Regex InlineHeadingRegex();
}
