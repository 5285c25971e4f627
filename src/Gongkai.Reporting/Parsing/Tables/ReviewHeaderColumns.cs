using System.Globalization;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 四 aligned with spaces (pdftotext -layout of a PDF): its fifteen leaf headers (结果维持, 结果纠正, 其他结果,
/// 尚未审结, 总计 under each of the three groups) stand in fifteen columns, each printed over one or two lines, and a row
/// with blank cells has fewer numbers than columns, each under its own header. The sums alone cannot tell 纠正 1, 总计 1
/// from 维持 1, 总计 1; the positions can.
/// </summary>
internal static class ReviewHeaderColumns
{
    private static readonly HashSet<string> LeafWords = new(StringComparer.Ordinal)
    {
        "维持", "纠正", "其他", "尚未", "审结", "总计", "结果", "结果维持", "结果纠正", "其他结果", "尚未审结",
    };

    private const int Columns = 15;

    /// <summary>
    /// The fifteen cells with each number under its header, blanks elsewhere; null unless the header's leaf words fall
    /// into exactly fifteen columns, clearly apart, and every number (one printed line, below the header) stands clearly
    /// under one of them, left to right.
    /// </summary>
    public static int?[]? Place(IReadOnlyList<TableToken> tokens, IReadOnlyList<TableToken> values)
    {
        if (values.Count is 0 or >= Columns || values.Any(v => v.Kind != TokenKind.Number || v.Line != values[0].Line))
        {
            return null;
        }

        var centres = tokens.Where(t => t.Kind == TokenKind.Text && t.Line < values[0].Line).SelectMany(Words)
            .Where(w => LeafWords.Contains(ChineseText.LabelKey(w.Text))).Select(w => w.Column + (w.Text.Length / 2.0)).Order().ToList();
        var columns = new List<List<double>>();
        foreach (var x in centres)
        {
            if (columns.Count > 0 && x - columns[^1][^1] <= 1.5)
            {
                columns[^1].Add(x);
            }
            else
            {
                columns.Add([x]);
            }
        }

        if (columns.Count != Columns)
        {
            return null;
        }

        var at = columns.Select(c => c.Average()).ToArray();
        if (at.Zip(at.Skip(1)).Any(p => p.Second - p.First < 3))
        {
            return null;
        }

        var cells = new int?[Columns];
        var last = -1;
        foreach (var number in values)
        {
            var x = number.Centre;
            var nearest = Enumerable.Range(0, Columns).MinBy(c => Math.Abs(at[c] - x));
            if (Math.Abs(at[nearest] - x) > 2.5 || nearest <= last ||
                !int.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            last = nearest;
            cells[nearest] = value;
        }

        return cells;
    }

    /// <summary>The words of a header cell with their columns: a page that sets the headers one space apart ("结果 结果 其他
    /// 尚未 总计") gives them as one token.</summary>
    private static IEnumerable<(string Text, int Column)> Words(TableToken token)
    {
        var start = -1;
        for (var i = 0; i <= token.Text.Length; i++)
        {
            var space = i == token.Text.Length || char.IsWhiteSpace(token.Text[i]);
            if (!space && start < 0)
            {
                start = i;
            }
            else if (space && start >= 0)
            {
                yield return (token.Text[start..i], token.Column + start);
                start = -1;
            }
        }
    }
}
