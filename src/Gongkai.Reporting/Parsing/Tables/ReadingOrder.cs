namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// pdftotext without -layout prints a table in reading order, and a label cell centred over several
/// lines comes out after the numbers of its row. When a table's numbers stand before its first row label
/// and none follow its last, each row label is moved in front of the numbers that preceded it, so the
/// table readers see the usual order. Which order holds is decided per table from the tokens alone.
/// </summary>
internal static class ReadingOrder
{
    public enum Role
    {
        Other,
        RowLabel,
        Header,
    }

    /// <summary>The tokens with labels in front of their values; the input itself when it already is.</summary>
    public static IReadOnlyList<TableToken> LabelsFirst(IReadOnlyList<TableToken> tokens, IReadOnlyList<Role> roles)
    {
        var firstRow = -1;
        var lastRow = -1;
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == Role.RowLabel)
            {
                firstRow = firstRow < 0 ? i : firstRow;
                lastRow = i;
            }
        }

        if (firstRow < 0)
        {
            return tokens;
        }

        var lastHeader = -1;
        for (var i = 0; i < firstRow; i++)
        {
            if (roles[i] == Role.Header)
            {
                lastHeader = i;
            }
        }

        var before = Count(tokens, lastHeader + 1, firstRow);
        var after = Count(tokens, lastRow + 1, tokens.Count);
        if (before == 0 || after > 0)
        {
            return tokens;
        }

        var result = new List<TableToken>(tokens.Count);
        var pending = new List<TableToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            switch (roles[i])
            {
                case Role.RowLabel:
                    result.Add(tokens[i]);
                    result.AddRange(pending);
                    pending.Clear();
                    break;
                case Role.Header:
                    result.AddRange(pending);
                    pending.Clear();
                    result.Add(tokens[i]);
                    break;
                default:
                    pending.Add(tokens[i]);
                    break;
            }
        }

        result.AddRange(pending);
        return result;
    }

    private static int Count(IReadOnlyList<TableToken> tokens, int from, int to)
    {
        var count = 0;
        for (var i = from; i < to; i++)
        {
            if (tokens[i].Kind == TokenKind.Number)
            {
                count++;
            }
        }

        return count;
    }
}
