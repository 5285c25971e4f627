namespace Gongkai.Persistence.Entities;

/// <summary>
/// One number of tables 二, 三 and 四 of a summarised report, stored as whole millionths so the database adds them
/// exactly (table 二 holds fee amounts with decimals). Text written in a table 二 cell is kept apart
/// (<see cref="ReportSummaryTextRow"/>): it is never summed, and keeping it out lets one index cover the sum.
/// </summary>
public sealed class ReportSummaryCellRow
{
    public long SummaryId { get; set; }

    /// <summary>The cell (report_cell_keys.id).</summary>
    public int CellId { get; set; }

    /// <summary>The number × 1,000,000.</summary>
    public long Millionths { get; set; }
}
