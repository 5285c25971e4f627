namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>How a candidate reading of a row was obtained.</summary>
internal enum RowReadingKind
{
    /// <summary>Cells taken in order, one per column, as printed.</summary>
    Literal,

    /// <summary>The numbers placed in some of the columns, the rest blank (cells vanished).</summary>
    Placement,

    /// <summary>A run of digits split into several cells (separators vanished).</summary>
    DigitSplit,

    /// <summary>A run of exactly as many digits as the row has cells, one digit a cell: the print's only reading, whether or not the row adds up.</summary>
    DigitPerCell,

    /// <summary>
    /// A run too long for one count (eight digits or more) split into the row's cells where no split adds up along the
    /// row: the report itself does not add up, and the columns' sums choose among the splits.
    /// </summary>
    DigitSplitNotAddingUp,
}
