namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// A table 三 whose text stops inside a row (`二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0`, and nothing after): the cells
/// missing from that row are missing because the text ended, not because the row was printed short, so its cells are the
/// first ones as printed. Placed by the sums instead, the last of them went under 总计 (a short row's cells adding up to
/// its last one), a wrong cell.
/// </summary>
internal static class CutOffRow
{
    /// <summary>
    /// The key of the row the text stops in: the last number of the table is its last cell, no label follows it, it has at
    /// least two cells and fewer than the table's width, all printed as numbers, another row of the table has all its
    /// cells, and it is not the table's last row (which may be printed short whole).
    /// </summary>
    public static string? Find(IReadOnlyList<TableToken> tokens, IReadOnlyDictionary<string, RowObservation> observations, int width, string lastRowKey)
    {
        var last = -1;
        for (var i = tokens.Count - 1; i >= 0 && last < 0; i--)
        {
            if (tokens[i].Kind == TokenKind.Text)
            {
                return null;
            }

            if (tokens[i].Kind == TokenKind.Number)
            {
                last = i;
            }
        }

        if (last < 0 || observations.Values.FirstOrDefault(o => o.Values.Contains(tokens[last])) is not { } row || row.Key == lastRowKey)
        {
            return null;
        }

        var printed = row.Values.Take(row.Values.IndexOf(tokens[last]) + 1).ToList();
        var complete = observations.Values.Any(o => o != row && o.Values.Count(v => v.Kind != TokenKind.Text) >= width);
        return complete && printed.Count >= 2 && printed.Count < width && printed.All(v => v.Kind == TokenKind.Number) ? row.Key : null;
    }

    /// <summary>The row's cells as printed from the first column on, the rest missing.</summary>
    public static RowReading LeftAligned(RowObservation row, int width)
    {
        var numbers = row.Values.Where(v => v.Kind == TokenKind.Number).ToList();
        var cells = new int?[7];
        var missing = new bool[7];
        for (var c = 0; c < 7; c++)
        {
            cells[c] = c < numbers.Count && int.TryParse(numbers[c].Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            missing[c] = c >= numbers.Count && c < width;
        }

        return new RowReading(cells, missing, 1, RowReadingKind.Placement);
    }
}
