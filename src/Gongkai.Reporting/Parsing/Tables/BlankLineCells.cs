using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// A table printed one cell per line with nothing between cells — no tab, no pipe, no run of spaces — writes an empty
/// cell as an empty line: the usual gap of blank lines separates two cells, each further (gap + 1) blank lines is one
/// empty cell, and a gap off that step ends a row. Elsewhere empty lines are paragraph spacing and mean nothing.
/// </summary>
internal readonly record struct BlankLineCells(int CellGap, int RowGap)
{
    /// <summary>The gaps of <paramref name="lines"/>, or null when the table is not printed one cell per line.</summary>
    public static BlankLineCells? Of(IReadOnlyList<SourceLine> lines)
    {
        if (!OneCellPerLine(lines))
        {
            return null;
        }

        var cellGap = CellGapOf(lines);
        return new BlankLineCells(cellGap, RowGapOf(lines, cellGap));
    }

    /// <summary>
    /// The empty cells <paramref name="blankRun"/> blank lines stand for, and whether they end the row before (a gap
    /// off the cell step: its empty cells are the last cells of that row) rather than start the next.
    /// </summary>
    public (int Empties, bool EndsRow) EmptiesIn(int blankRun)
    {
        var endsRow = (blankRun - CellGap) % (CellGap + 1) != 0 && blankRun >= RowGap;
        var empties = endsRow ? (blankRun - RowGap) / (CellGap + 1) : Math.Max(0, blankRun - CellGap) / (CellGap + 1);
        return (empties, endsRow);
    }

    private static bool OneCellPerLine(IReadOnlyList<SourceLine> lines)
    {
        var content = lines.Where(l => l.Text.Trim().Length > 0).ToArray();
        if (content.Length < 20)
        {
            return false;
        }

        var separated = content.Count(l => l.Text.Contains('\t', StringComparison.Ordinal) || l.Text.Contains('|', StringComparison.Ordinal) || TableTokenizer.HasSpaceRun(l.Text.Trim()));
        var loneNumbers = content.Count(l => PrintedNumber.TryRead(ChineseText.Fold(l.Text.Trim()), out _));
        return separated == 0 && loneNumbers >= content.Length / 4 && content.Length < lines.Count;
    }

    /// <summary>
    /// The number of blank lines between two adjacent cells: the smallest gap between two numbers (0 when an empty line
    /// is itself the empty cell; 3 for a page whose cells hold paragraphs).
    /// </summary>
    private static int CellGapOf(IReadOnlyList<SourceLine> lines)
    {
        var best = int.MaxValue;
        var run = 0;
        var previousNumber = false;
        foreach (var line in lines)
        {
            var text = line.Text.Trim();
            if (text.Length == 0)
            {
                run++;
                continue;
            }

            var number = PrintedNumber.TryRead(ChineseText.Fold(text), out _);
            if (number && previousNumber)
            {
                best = Math.Min(best, run);
            }

            previousNumber = number;
            run = 0;
        }

        return best == int.MaxValue ? 0 : best;
    }

    /// <summary>The smallest gap that is not a whole number of cells: the gap between rows (none when every gap is).</summary>
    private static int RowGapOf(IReadOnlyList<SourceLine> lines, int cellGap)
    {
        var best = int.MaxValue;
        var run = 0;
        var seen = false;
        foreach (var line in lines)
        {
            if (line.Text.Trim().Length == 0)
            {
                run++;
                continue;
            }

            if (seen && run > cellGap && (run - cellGap) % (cellGap + 1) != 0)
            {
                best = Math.Min(best, run);
            }

            seen = true;
            run = 0;
        }

        return best;
    }
}
