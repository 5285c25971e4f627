namespace Gongkai.Reporting.Rendering.Layout;

/// <summary>
/// A table as laid out in the official template. Each row lists the cells that start in it (HTML
/// semantics); merged cells cover positions in later rows and columns.
/// </summary>
public sealed class GridTable
{
    public GridTable(int columnCount, IReadOnlyList<IReadOnlyList<GridCell>> rows, IReadOnlyList<int>? columnWeights = null)
    {
        if (columnWeights is not null && columnWeights.Count != columnCount)
        {
            throw new ArgumentException("One weight per column.", nameof(columnWeights));
        }

        ColumnCount = columnCount;
        Rows = rows;
        ColumnWeights = columnWeights ?? Enumerable.Repeat(1, columnCount).ToArray();
        Placement = Place(columnCount, rows);
    }

    public int ColumnCount { get; }

    public IReadOnlyList<IReadOnlyList<GridCell>> Rows { get; }

    /// <summary>Relative column widths (label columns are wider than value columns).</summary>
    public IReadOnlyList<int> ColumnWeights { get; }

    /// <summary>Column widths as shares of <paramref name="total"/>, the last one taking the rounding remainder.</summary>
    public int[] ColumnWidths(int total)
    {
        var sum = ColumnWeights.Sum();
        var widths = ColumnWeights.Select(w => total * w / sum).ToArray();
        widths[^1] += total - widths.Sum();
        return widths;
    }

    /// <summary>
    /// For every (row, column) position, the cell covering it and whether the position is that cell's
    /// top-left origin.
    /// </summary>
    public (GridCell Cell, bool IsOrigin, int OriginRow, int OriginColumn)[,] Placement { get; }

    /// <summary>The table flattened to a rectangle: a merged cell's text stands at its origin, blanks elsewhere.</summary>
    public string[][] ToMatrix()
    {
        var matrix = new string[Rows.Count][];
        for (var r = 0; r < Rows.Count; r++)
        {
            matrix[r] = new string[ColumnCount];
            for (var c = 0; c < ColumnCount; c++)
            {
                var p = Placement[r, c];
                matrix[r][c] = p.IsOrigin ? p.Cell.Text : string.Empty;
            }
        }

        return matrix;
    }

    private static (GridCell, bool, int, int)[,] Place(int columnCount, IReadOnlyList<IReadOnlyList<GridCell>> rows)
    {
        var placement = new (GridCell, bool, int, int)[rows.Count, columnCount];
        var taken = new bool[rows.Count, columnCount];
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r])
            {
                while (c < columnCount && taken[r, c])
                {
                    c++;
                }

                if (c + cell.ColSpan > columnCount || r + cell.RowSpan > rows.Count)
                {
                    throw new InvalidOperationException($"Cell '{cell.Text}' at row {r} does not fit a {columnCount}-column table.");
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        taken[r + dr, c + dc] = true;
                        placement[r + dr, c + dc] = (cell, dr == 0 && dc == 0, r, c);
                    }
                }

                c += cell.ColSpan;
            }

            for (var check = 0; check < columnCount; check++)
            {
                if (!taken[r, check])
                {
                    throw new InvalidOperationException($"Row {r} leaves column {check} empty.");
                }
            }
        }

        return placement;
    }
}
