using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Text;

/// <summary>
/// A page saved as one paragraph: title, opening, the six headings, sentences and every table label
/// and cell follow one another on one line. This stage cuts such a line back into lines — after the
/// title, before each section heading (the last run of them in order, so that the opening sentence
/// that lists the sections is not taken for them), and inside the tables before every list number,
/// table 二 caption and printed label of the template — so that the later stages see rows again.
/// </summary>
public static partial class RunningText
{
    /// <summary>A line this long that holds three section headings is a whole report on one line.</summary>
    private const int MinLength = 300;

    private static readonly string[] TableLabels = BuildTableLabels();

    /// <summary>
    /// <see cref="TableLabels"/> by their first character, each list in that array's order (longest first): a position
    /// is compared only with the labels that start with its character, and the first that matches is the one the whole
    /// array would give.
    /// </summary>
    private static readonly Dictionary<char, string[]> TableLabelsByFirst =
        TableLabels.GroupBy(l => l[0]).ToDictionary(g => g.Key, g => g.ToArray());

    /// <summary>Words of heading 五 as printed: the format's 存在的主要问题, and the rewordings seen in real reports.</summary>
    internal static readonly string[] ProblemWords = ["主要问题", "存在的问题", "突出问题", "问题及改进", "问题和改进"];

    public static bool IsRunningText(IReadOnlyList<SourceLine> lines)
    {
        foreach (var line in lines)
        {
            if (line.Text.Length >= MinLength && CountHeadings(line.Text) >= 3)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Headings numbered 一…六 (七 and 八 only where a report has seven or eight parts: "七、八月份" is no sign of one).</summary>
    private static int CountHeadings(string text) => HeadingRegex().Matches(text).Count(m => m.Groups["n"].Value[0] is not ('七' or '八'));

    public static List<SourceLine> Split(IReadOnlyList<SourceLine> lines)
    {
        var result = new List<SourceLine>(lines.Count * 4);
        foreach (var line in lines)
        {
            if (line.Text.Length < MinLength || CountHeadings(line.Text) < 3)
            {
                result.Add(line);
                continue;
            }

            var cuts = new SortedSet<int>();
            var headings = ChooseHeadings(line.Text);
            foreach (var at in headings.Where(h => h >= 0))
            {
                // Markdown heading marks and bold stars before a heading belong to it, not to the text before.
                var cut = at;
                while (cut > 0 && line.Text[cut - 1] is '#' or '*' or ' ')
                {
                    cut--;
                }

                cuts.Add(cut);
                if (HeadingEnd(line.Text, at) is { } end)
                {
                    cuts.Add(end);
                }
            }

            var firstHeading = headings.Where(h => h >= 0).DefaultIfEmpty(line.Text.Length).Min();
            // A title opens the page; the same words later in the opening sentence ("现将…报告如下") or inside
            // the name of a cited document (《…关于政府信息公开工作年度报告有关事项的通知》) are not one.
            var title = TitleEndRegex().Match(line.Text, 0, Math.Min(firstHeading, 160));
            if (title.Success && title.Index + title.Length <= 60 && !line.Text.AsSpan(0, title.Index).ContainsAny('《', '〈'))
            {
                cuts.Add(title.Index + title.Length);
            }

            // The tables stand between heading 二 and heading 五.
            var tablesFrom = headings[1] >= 0 ? headings[1] : headings[2] >= 0 ? headings[2] : -1;
            var tablesTo = headings[4] >= 0 ? headings[4] : headings[5] >= 0 ? headings[5] : line.Text.Length;
            if (tablesFrom >= 0 && tablesTo > tablesFrom)
            {
                CutTables(line.Text, tablesFrom, tablesTo, cuts);
            }

            var start = 0;
            foreach (var cut in cuts.Where(c => c > 0 && c < line.Text.Length))
            {
                Add(result, line, start, cut);
                start = cut;
            }

            Add(result, line, start, line.Text.Length);
        }

        return result;
    }

    /// <summary>Where a heading's own words end: after its closing 情况 or 事项 (every heading of the format ends so).</summary>
    private static int? HeadingEnd(string text, int at)
    {
        var window = text.AsSpan(at, Math.Min(40, text.Length - at));
        var best = -1;
        foreach (var word in (ReadOnlySpan<string>)["情况", "事项", "措施", "举措", "概述", "概况"])
        {
            var i = window.IndexOf(word, StringComparison.Ordinal);
            if (i >= 0 && (best < 0 || i < best))
            {
                best = i;
            }
        }

        // A heading 五 reworded to end on its problems (五、当前存在的突出问题), when no word above ends it.
        if (best < 0 && window.IndexOf("问题", StringComparison.Ordinal) is var problem and >= 0 && problem <= 20)
        {
            best = problem;
        }

        // Else the text's first year ("…2020年，我局…") starts the section's text.
        if (best < 0 && YearStartRegex().Match(text, at, Math.Min(24, text.Length - at)) is { Success: true } year && year.Index > at + 2)
        {
            return year.Index;
        }

        // Else its first sub-point ("一、年度工作核心成效（一）主动公开多点发力…") starts the section's text.
        if (best < 0 && text.AsSpan(at, Math.Min(26, text.Length - at)).IndexOfAny("（(") is var sub and > 2 &&
            string.CompareOrdinal(text, at + sub + 1, "一", 0, 1) == 0)
        {
            return at + sub;
        }

        if (best < 0)
        {
            return null;
        }

        var end = at + best + 2;
        // 六、需要说明的其他事项与附表: the attachment named in the heading is part of it.
        foreach (var tail in (ReadOnlySpan<string>)["与附表", "及附表"])
        {
            if (string.CompareOrdinal(text, end, tail, 0, tail.Length) == 0)
            {
                end += tail.Length;
            }
        }

        while (end < text.Length && text[end] is '。' or '：' or ':' or '*' or '#' or ' ')
        {
            end++;
        }

        return end;
    }

    private static void Add(List<SourceLine> result, SourceLine line, int start, int end)
    {
        var piece = line.Text[start..end].Trim();
        if (piece.Length > 0)
        {
            result.Add(new SourceLine(piece, line.Line));
        }
    }

    /// <summary>
    /// For each heading 一…六, the start of its last occurrence that still precedes the heading after it:
    /// a sentence listing the sections comes before the sections themselves. A report that numbers its sections its
    /// own way (seven parts, 二、政务公开工作主要任务落实情况 put in, so 主动公开 is 三 and 其他需要报告的事项 七) has
    /// its headings known by their words, whatever their number, when that finds more of them.
    /// </summary>
    private static int[] ChooseHeadings(string text)
    {
        var byNumber = new List<int>[6];
        var byWords = new List<int>[6];
        for (var i = 0; i < 6; i++)
        {
            byNumber[i] = [];
            byWords[i] = [];
        }

        foreach (Match m in HeadingRegex().Matches(text))
        {
            var n = "一二三四五六七八".IndexOf(m.Groups["n"].Value[0], StringComparison.Ordinal);
            for (var h = 0; h < 6; h++)
            {
                if (Matches(h, m.Groups["w"].Value))
                {
                    byWords[h].Add(m.Index);
                    if (h == n)
                    {
                        byNumber[h].Add(m.Index);
                    }
                }
            }
        }

        var chosen = LastBeforeNext(byNumber, text.Length);
        if (chosen.All(h => h >= 0))
        {
            return chosen;
        }

        var shifted = LastBeforeNext(byWords, text.Length);
        if (shifted.Count(h => h >= 0) > chosen.Count(h => h >= 0))
        {
            chosen = shifted;
        }

        if (chosen[0] < 0 && chosen[1] > 0)
        {
            // 一 in words of the report's own (一、年度工作核心成效): the first heading numbered 一 before 二.
            // Only one that opens a sentence, or follows the title (…年度报告一、…), and whose words end where a heading's
            // do: not 统一、规范….
            chosen[0] = HeadingRegex().Matches(text)
                .Where(m => m.Index < chosen[1] && m.Groups["n"].Value == "一" &&
                    (m.Index == 0 || text[m.Index - 1] is '。' or '！' or '？' or ' ' or '\u3000' or '\t' or '：' or ':' || text.AsSpan(0, m.Index).EndsWith("报告", StringComparison.Ordinal)) &&
                    HeadingEnd(text, m.Index) is not null)
                .Select(m => m.Index).DefaultIfEmpty(-1).First();
        }

        return chosen;
    }

    private static int[] LastBeforeNext(List<int>[] found, int length)
    {
        var chosen = Enumerable.Repeat(-1, 6).ToArray();
        var limit = length + 1;
        for (var h = 5; h >= 0; h--)
        {
            var before = found[h].Where(p => p < limit).ToArray();
            if (before.Length > 0)
            {
                chosen[h] = before[^1];
                limit = chosen[h];
            }
        }

        return chosen;
    }

    private static bool Matches(int h, string words) => h switch
    {
        // 总体情况, and as agencies reword it: 概述, 基本概况, 政府信息公开工作的基本情况, 基本工作情况, 总体公开情况.
        0 => words.StartsWith("总体情况", StringComparison.Ordinal) || words.StartsWith("概述", StringComparison.Ordinal) ||
             new[] { "概况", "基本情况", "基本工作", "总体公开" }.Any(w => words.Contains(w, StringComparison.Ordinal) && words.IndexOf(w, StringComparison.Ordinal) <= 12),
        1 => words.StartsWith("主动公开", StringComparison.Ordinal),
        2 => words.StartsWith("收到和处理", StringComparison.Ordinal) || words.StartsWith("依申请公开", StringComparison.Ordinal),
        // 复议 alone, not 行政复议: a printed typo (行政法复议) must not lose the heading.
        3 => words.Contains("复议", StringComparison.Ordinal) || words.Contains("行政诉讼", StringComparison.Ordinal),
        // 存在的主要问题及改进情况, and as agencies reword it: 存在的问题及改进措施, 当前存在的突出问题.
        4 => ProblemWords.Any(w => words.Contains(w, StringComparison.Ordinal)),
        _ => words.StartsWith("其他需要报告", StringComparison.Ordinal) || words.StartsWith("其他需报告", StringComparison.Ordinal) || words.StartsWith("其他事项", StringComparison.Ordinal) ||
             words.StartsWith("其他需说明", StringComparison.Ordinal) || words.StartsWith("其他需要说明", StringComparison.Ordinal) ||
             words.StartsWith("需要说明的其他事项", StringComparison.Ordinal),
    };

    private static void CutTables(string text, int from, int to, SortedSet<int> cuts)
    {
        foreach (Match m in TableCutRegex().Matches(text[from..to]))
        {
            cuts.Add(from + m.Index + m.Groups["cut"].Index - m.Index);
        }

        // Printed labels of table 二 (and its headers): longest first at each position, no overlaps.
        var i = from;
        while (i < to)
        {
            var label = LabelAt(text, i, to);
            if (label is null || InSentence(text, i + label.Length, to, label))
            {
                i++;
                continue;
            }

            cuts.Add(i);
            cuts.Add(i + label.Length);
            i += label.Length;
        }
    }

    /// <summary>
    /// A row label that runs on into more words ("…涵盖政策及规范性文件类5条、规划计划类1条" in the text before table 二) is
    /// a word of a sentence, not the row: in the table a row label is followed by its cells, a blank, or another label.
    /// </summary>
    private static bool InSentence(string text, int after, int to, string label) =>
        RowLabels.Contains(label) && after < to && text[after] is >= '\u4e00' and <= '\u9fff' &&
        LabelAt(text, after, text.Length) is null;

    /// <summary>The longest label of table 二 printed at <paramref name="i"/> and ending by <paramref name="to"/>, or null.</summary>
    private static string? LabelAt(string text, int i, int to)
    {
        if (!TableLabelsByFirst.TryGetValue(text[i], out var labels))
        {
            return null;
        }

        foreach (var l in labels)
        {
            if (string.CompareOrdinal(text, i, l, 0, l.Length) == 0 && i + l.Length <= to)
            {
                return l;
            }
        }

        return null;
    }

    private static readonly HashSet<string> RowLabels = new[] { ReportSchema.Edition2019, ReportSchema.Edition2021 }
        .SelectMany(schema => schema.ProactiveBlocks).SelectMany(block => block.Rows).Select(row => row.Label).ToHashSet(StringComparer.Ordinal);

    private static string[] BuildTableLabels()
    {
        var labels = new HashSet<string>(StringComparer.Ordinal) { ProactiveBlock.FirstColumnLabel };
        foreach (var schema in new[] { ReportSchema.Edition2019, ReportSchema.Edition2021 })
        {
            foreach (var block in schema.ProactiveBlocks)
            {
                labels.Add(block.Caption);
                labels.UnionWith(block.Columns.Select(c => c.Label));
                labels.UnionWith(block.Rows.Select(r => r.Label));
            }
        }

        labels.UnionWith(labels.Select(l => l.Replace('（', '(').Replace('）', ')')).ToArray());
        return labels.Where(l => l.Length >= 2).OrderByDescending(l => l.Length).ToArray();
    }

    // The number (一…八: a report may have seven or eight parts) and its 、 — or the number run straight into the heading's own words (一总体情况, a 、 lost).
    [GeneratedRegex(@"(?<n>[一二三四五六七八])\s*(?:[、.．,，]|(?=总体情况|主动公开政府信息情况|收到和处理政府信息公开申请|政府信息公开行政复议|存在的主要问题|其他需要报告))(?=\s*(?<w>[^，。；;,、]{2,24}))")]
    private static partial Regex HeadingRegex();

    [GeneratedRegex(@"(政府|政务)信息(与政务)?公开(工作)?(年度)?(工作)?报告")]
    private static partial Regex TitleEndRegex();

    [GeneratedRegex(@"(19|20)\d{2}\s*年")]
    private static partial Regex YearStartRegex();

    // Before a list number of table 三 ("（三）", "三、", and "2." whose digit would otherwise join the
    // digits of the row before), and before a table 二 caption.
    // And before a year that opens a sentence right after a table's last cell ("行政事业性收费02025年，我局…",
    // "继续办理20000022025年，我局共收到…"): the paragraph after a table is not its cells.
    [GeneratedRegex(@"(?<!第)(?<cut>[（(][一二三四五六七八九十]{1,2}[）)])|(?<cut>[一二三四五六七]、)|(?<cut>\d[.．](?=\s*[\u4e00-\u9fff]))|(?<cut>第二十条第)|(?<cut>[（(]本列数据)|(?<=\d)(?<cut>(19|20)\d{2}年(?!度)(?=[，,\u4e00-\u9fff]))")]
    private static partial Regex TableCutRegex();
}
