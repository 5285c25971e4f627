using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 二 aligned with spaces (pdftotext -layout of a PDF): a blank cell is no token at all, so a row printed with
/// fewer numbers than columns ("规章 … 235" under 现行有效件数) is placed by the column headers printed above it, not
/// left-aligned. Only where the text is laid out in columns — headers and cells apart by runs of spaces — and each
/// number stands clearly nearer one header than the next; elsewhere (running text, a spreadsheet that kept only its
/// non-empty cells) positions say nothing and the reader's other rules apply.
/// </summary>
internal sealed class ProactiveHeaderColumns
{
    /// <summary>A gap of this many spaces or more separates two printed columns.</summary>
    private const int ColumnGap = 2;

    // Per block caption: each column's header as printed (the latest: a table continued after a page break prints its
    // header again).
    private readonly Dictionary<string, TableToken?[]> headers = new(StringComparer.Ordinal);

    /// <summary>Records a header cell of <paramref name="block"/> (one of its column labels, whole or wrapped).</summary>
    public void Note(ProactiveBlock block, TableToken token, string key)
    {
        var column = ColumnOf(block, key);
        if (column < 0)
        {
            return;
        }

        if (!headers.TryGetValue(block.Caption, out var at))
        {
            at = new TableToken?[block.Columns.Count];
            headers[block.Caption] = at;
        }

        // A wrapped header's second line ("万元）") is no new position: the first piece stands where the column does.
        if (at[column] is { } earlier && earlier.Line == token.Line - 1)
        {
            return;
        }

        at[column] = token;
    }

    /// <summary>
    /// The row's cells placed under the block's headers, blanks where nothing is printed; null unless the block has
    /// every header, left to right and apart, above the row, and each number of the row (one printed line, set apart
    /// from its label) stands clearly under one of them, in order.
    /// </summary>
    public List<TableToken>? Place(ProactiveBlock block, TableToken label, IReadOnlyList<TableToken> cells)
    {
        var width = block.Columns.Count;
        if (width < 2 || cells.Count == 0 || cells.Count >= width || !headers.TryGetValue(block.Caption, out var at) ||
            at.Any(h => h is null) || cells.Any(c => c.Kind != TokenKind.Number || c.Line != cells[0].Line))
        {
            return null;
        }

        var found = at.Select(h => h!).ToArray();
        for (var i = 1; i < width; i++)
        {
            if (found[i].Centre <= found[i - 1].Centre || (found[i].Line == found[i - 1].Line && !Apart(found[i - 1], found[i])))
            {
                return null;
            }
        }

        if (found.Any(h => h.Line >= cells[0].Line) || (label.Line == cells[0].Line && !Apart(label, cells[0])))
        {
            return null;
        }

        var placed = Enumerable.Range(0, width).Select(_ => cells[0] with { Kind = TokenKind.Blank, Text = string.Empty }).ToList();
        var last = -1;
        foreach (var number in cells)
        {
            var x = number.Centre;
            var order = Enumerable.Range(0, width).OrderBy(c => Math.Abs(found[c].Centre - x)).ToArray();
            var nearest = Math.Abs(found[order[0]].Centre - x);
            var next = Math.Abs(found[order[1]].Centre - x);
            if (order[0] <= last || next - nearest < 2 * ColumnGap || nearest > next / 2)
            {
                return null;
            }

            last = order[0];
            placed[last] = number;
        }

        return placed;
    }

    private static bool Apart(TableToken left, TableToken right) => right.Column - (left.Column + left.Text.Length) >= ColumnGap;

    /// <summary>The column whose label this header is, whole or the first piece of a wrapped one; -1 when none or several.</summary>
    private static int ColumnOf(ProactiveBlock block, string key)
    {
        var match = -1;
        for (var i = 0; i < block.Columns.Count; i++)
        {
            var label = ProactiveTableReader.TemplateKey(block.Columns[i].Label);
            if (label == key || (key.Length >= 4 && label.StartsWith(key, StringComparison.Ordinal)))
            {
                if (match >= 0)
                {
                    return -1;
                }

                match = i;
            }
        }

        return match;
    }
}
