using System.Globalization;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 三 aligned with spaces (pdftotext -layout), where a blank cell is no token at all: a short row's numbers read
/// by the column headers printed above them, a candidate reading for <see cref="ApplicationsTableReader"/> beside those
/// the sums weigh.
/// </summary>
internal static class HeaderColumns
{
    /// <summary>The readings of the table's short rows by their headers, by row key; none when the table is not so printed.</summary>
    public static Dictionary<string, RowReading> Readings(IReadOnlyList<TableToken> tokens, Dictionary<string, RowObservation> observations) =>
        ColumnPositions(tokens, observations) is { } headerAt ? UnderHeaders(observations, headerAt) : [];

    private static readonly string[][] ColumnHeaderWords =
        [["自然人"], ["商业企业", "商业企", "商业"], ["科研机构", "科研机", "科研"], ["社会公益组织", "社会公益", "社会公", "社会"], ["法律服务机构", "法律服务", "法律服", "法律"], ["其他"], ["总计", "合计"]];

    /// <summary>
    /// Where the seven column headers stand in a table whose columns are aligned with spaces (pdftotext -layout: a blank
    /// cell is no token at all, so a short row's numbers are placed by the header above them): the centre of each
    /// header's first piece, by column, from the lines above the first row. Null unless the table has no explicit blank
    /// anywhere, every header is found on its own, and they stand left to right in the format's order.
    /// </summary>
    private static double[]? ColumnPositions(IReadOnlyList<TableToken> tokens, Dictionary<string, RowObservation> observations)
    {
        if (observations.Count == 0 || observations.Values.Any(o => o.Values.Any(v => v.Kind == TokenKind.Blank)))
        {
            return null;
        }

        var firstRow = observations.Values.Min(o => o.Label.Line);
        var at = new double[7];
        for (var c = 0; c < 7; c++)
        {
            var found = tokens.Where(t => t.Kind == TokenKind.Text && t.Line < firstRow && ColumnHeaderWords[c].Contains(ChineseText.LabelKey(t.Text), StringComparer.Ordinal)).ToList();
            if (found.Count != 1)
            {
                return null;
            }

            at[c] = found[0].Centre;
        }
        return at.Zip(at.Skip(1)).All(p => p.First < p.Second) ? at : null;
    }

    /// <summary>
    /// The short rows of whole numbers read by the column headers above them: each number in the column whose header is
    /// clearly the nearest, the others blank as printed. Only when every row of numbers stands so: a table continued on
    /// the next page without its header is laid out afresh there (shifted and spaced otherwise), and reading its first
    /// page by the headers and the rest otherwise would set the two against each other in the sums.
    /// </summary>
    private static Dictionary<string, RowReading> UnderHeaders(Dictionary<string, RowObservation> observations, double[] headerAt)
    {
        var readings = new Dictionary<string, RowReading>(StringComparer.Ordinal);
        foreach (var o in observations.Values.Where(o => o.Values.Count > 0))
        {
            if (!o.Values.All(v => v.Kind == TokenKind.Number && v.Text.All(char.IsAsciiDigit) && v.Text.Length <= 7 && (v.Text.Length == 1 || v.Text[0] != '0')) ||
                Under(o.Values, headerAt) is not { } cells)
            {
                return [];
            }

            if (o.Values.Count < 7)
            {
                readings[o.Key] = new RowReading(cells, new bool[7], 2.5, RowReadingKind.Placement);
            }
        }

        return readings;
    }

    /// <summary>The row's cells when each of its numbers stands under one header, clearly nearer it than the next, in order; else null.</summary>
    private static int?[]? Under(List<TableToken> values, double[] headerAt)
    {
        var cells = new int?[7];
        var last = -1;
        foreach (var number in values)
        {
            var x = number.Centre;
            var order = Enumerable.Range(0, 7).OrderBy(c => Math.Abs(headerAt[c] - x)).ToArray();
            if (Math.Abs(headerAt[order[0]] - x) >= 2 || Math.Abs(headerAt[order[1]] - x) - Math.Abs(headerAt[order[0]] - x) < 2 || order[0] <= last)
            {
                return null;
            }

            last = order[0];
            cells[last] = int.Parse(number.Text, CultureInfo.InvariantCulture);
        }

        return cells;
    }
}
