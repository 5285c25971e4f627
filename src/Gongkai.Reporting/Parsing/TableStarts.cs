using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// Tables 二, 三 and 四 whose section heading the page lost (a mirror that kept the tables and dropped the headings, a
/// page of a flip book that starts inside table 三): the heading is put back on the line before where the table's own
/// words start, so the table is read in its section instead of being taken for the text of the one before it (or, with
/// fewer than two headings left, the whole page rejected). The heading stays reported as not found (GK4002).
/// </summary>
internal static class TableStarts
{
    private static readonly string[] RowLabels = ["本年新收政府信息公开申请数量", "结转下年度继续办理"];

    /// <summary>
    /// The lines with a heading put back before each table 二…四 whose heading is missing, and which headings were put
    /// back; the lines as they were when none was.
    /// </summary>
    public static (IReadOnlyList<SourceLine> Lines, IReadOnlyList<int> Restored) Restore(IReadOnlyList<SourceLine> lines, int[] headingAt)
    {
        var inserts = new List<(int At, int Heading)>();
        for (var h = 1; h <= 3; h++)
        {
            if (headingAt[h] >= 0)
            {
                continue;
            }

            // Between the heading before it (or one put back) and the next heading found: the tables keep their order.
            var from = Math.Max(inserts.Count > 0 ? inserts[^1].At + 1 : 0, headingAt.Take(h).Max() + 1);
            var to = headingAt.Skip(h + 1).Where(i => i >= 0).DefaultIfEmpty(lines.Count).First();
            if (Start(lines, h, from, to) is { } start)
            {
                inserts.Add((start, h));
            }
        }

        if (inserts.Count == 0)
        {
            return (lines, []);
        }

        var restored = new List<SourceLine>(lines.Count + inserts.Count);
        var next = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            while (next < inserts.Count && inserts[next].At == i)
            {
                restored.Add(new SourceLine(SectionHeadings.Printed(inserts[next].Heading), lines[i].Line));
                next++;
            }

            restored.Add(lines[i]);
        }

        return (restored, inserts.Select(x => x.Heading).ToList());
    }

    /// <summary>The first line of table <paramref name="h"/> (1 = 二, 2 = 三, 3 = 四) in [from, to), or null.</summary>
    private static int? Start(IReadOnlyList<SourceLine> lines, int h, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var text = lines[i].Text;
            if (text.Length > 120)
            {
                continue;
            }

            var key = ChineseText.LabelKey(text);
            if (key.Contains('。', StringComparison.Ordinal))
            {
                continue;
            }

            var found = h switch
            {
                // 第二十条第（一）项 (or 第二十条（一）项), the first block's heading.
                1 => key.StartsWith("第二十条第", StringComparison.Ordinal) || key.StartsWith("第二十条(", StringComparison.Ordinal),
                // The note over its columns, else its header cell, else (a page starting inside the table) a row of it
                // (一、本年新收…, 四、结转下年度继续办理), not a sentence that names one.
                2 => key.Contains("本列数据的勾稽关系", StringComparison.Ordinal) || key.StartsWith("申请人情况", StringComparison.Ordinal) ||
                     RowLabels.Any(r => key.StartsWith(r, StringComparison.Ordinal) || (key.Length > 2 && key[1] is ',' or '.' && key.AsSpan(2).StartsWith(r, StringComparison.Ordinal))),
                // Its header's first cell, 行政复议 (alone or with 行政诉讼), a header cell of its groups following.
                _ => key.StartsWith("行政复议", StringComparison.Ordinal) && key.Length <= 12 &&
                     lines.Skip(i + 1).Take(8).Any(l => ChineseText.LabelKey(l.Text) is var k && (k.Contains("直接起诉", StringComparison.Ordinal) || k.Contains("维持", StringComparison.Ordinal))),
            };
            if (found)
            {
                return i;
            }
        }

        return null;
    }
}
