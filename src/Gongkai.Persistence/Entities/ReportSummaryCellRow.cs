namespace Gongkai.Persistence.Entities;

/// <summary>
/// One filled cell of tables 二, 三 and 四 of a summarised report. Numbers are stored as whole millionths so the
/// database adds them exactly (table 二 holds fee amounts with decimals); text in a table 二 cell is kept apart, never summed.
/// </summary>
public sealed class ReportSummaryCellRow
{
    public long SummaryId { get; set; }

    /// <summary>The cell (report_cell_keys.id).</summary>
    public int CellId { get; set; }

    /// <summary>The number × 1,000,000, or null when the cell holds text.</summary>
    public long? Millionths { get; set; }

    public string? Text { get; set; }
}
