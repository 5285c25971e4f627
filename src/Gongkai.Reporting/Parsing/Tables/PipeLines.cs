using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Tables saved one cell per line with pipes (a crawler's rendering of HTML tables): pipes on lines of their own that open a
/// row or close a cell are layout, not empty cells. Applied to a table region before it is tokenized.
/// </summary>
internal static partial class PipeLines
{
    /// <summary>
    /// A table saved one cell per line as "cell |", each row's last cell followed by the pipes of the columns it lacks
    /// ("总计 | ||||"), and each row opened by a line holding a pipe alone: that pipe is the row's start, not an empty cell.
    /// Pages saved so open (almost) every row after a padded last cell with it; a pipe alone elsewhere — and on pages whose
    /// rows run on without it — is an empty cell.
    /// </summary>
    public static IReadOnlyList<SourceLine> WithoutSeparators(IReadOnlyList<SourceLine> lines)
    {
        int padded = 0, opened = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (PaddedRowEndRegex().IsMatch(lines[i].Text))
            {
                padded++;
                if (NextContent(lines, i) is { } next && LonePipeRegex().IsMatch(lines[next].Text))
                {
                    opened++;
                }
            }
        }

        if (padded < 3 || opened < padded * 4 / 5)
        {
            return WithoutCellTerminators(lines);
        }

        var kept = new List<SourceLine>(lines.Count);
        var atRowStart = true;
        foreach (var line in lines)
        {
            if (line.Text.Trim().Length == 0)
            {
                kept.Add(line);
                continue;
            }

            if (atRowStart && LonePipeRegex().IsMatch(line.Text))
            {
                atRowStart = false;
                continue;
            }

            atRowStart = PaddedRowEndRegex().IsMatch(line.Text);
            kept.Add(line);
        }

        return kept;
    }

    /// <summary>
    /// A table saved one cell per line with each cell's closing pipe on a line of its own ("规章" / "|" / "0" / "|" / "0" /
    /// "|"), the pipes of merged columns as a line of pipes ("||||"): where (nearly) every cell is followed by a pipe alone
    /// and no cell carries its own, those pipes close cells and are dropped; elsewhere a pipe alone is an empty cell.
    /// </summary>
    private static IReadOnlyList<SourceLine> WithoutCellTerminators(IReadOnlyList<SourceLine> lines)
    {
        int cells = 0, closed = 0, ownPipe = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Text.Trim();
            if (text.Length == 0 || PipesOnlyRegex().IsMatch(text))
            {
                continue;
            }

            cells++;
            if (text.EndsWith('|'))
            {
                ownPipe++;
            }
            else if (NextContent(lines, i) is { } next && LonePipeRegex().IsMatch(lines[next].Text))
            {
                closed++;
            }
        }

        if (cells < 6 || ownPipe > cells / 10 || closed < cells * 4 / 5)
        {
            return lines;
        }

        return lines.Where(l => !PipesOnlyRegex().IsMatch(l.Text.Trim())).ToList();
    }

    private static int? NextContent(IReadOnlyList<SourceLine> lines, int after)
    {
        for (var j = after + 1; j < lines.Count; j++)
        {
            if (lines[j].Text.Trim().Length > 0)
            {
                return j;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\|\s+\|+\s*$")]
    private static partial Regex PaddedRowEndRegex();

    [GeneratedRegex(@"^\s*\|\s*$")]
    private static partial Regex LonePipeRegex();

    [GeneratedRegex(@"^\|+$")]
    private static partial Regex PipesOnlyRegex();
}
