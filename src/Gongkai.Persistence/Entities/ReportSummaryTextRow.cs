namespace Gongkai.Persistence.Entities;

/// <summary>Text written where table 二 wants a number, in a summarised report: not summed, reported by the roll-up.</summary>
public sealed class ReportSummaryTextRow
{
    public long SummaryId { get; set; }

    /// <summary>The cell (report_cell_keys.id).</summary>
    public int CellId { get; set; }

    public string Text { get; set; } = string.Empty;
}
