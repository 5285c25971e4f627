namespace Gongkai.Persistence.Entities;

/// <summary>
/// The numbers of tables 二, 三 and 四 of one summarised report (<see cref="ReportSummaryRow"/>), packed in one value
/// (<see cref="PackedCells"/>): cell id (report_cell_keys.id) and the number as whole millionths, so table 二's fee
/// amounts add up exactly. One row a report instead of one a cell: a collect writes ~200 numbers a file, and one
/// packed value costs what one row does, where 200 rows cost most of the collect (docs/supervision.md). The roll-up
/// reads the packed values of the reports chosen and adds them up in memory. Text written in a table 二 cell is kept
/// apart (<see cref="ReportSummaryTextRow"/>): it is never summed.
/// </summary>
public sealed class ReportSummaryNumbersRow
{
    public long SummaryId { get; set; }

    /// <summary>The numbers, packed (<see cref="PackedCells.Pack"/>).</summary>
    public byte[] Cells { get; set; } = [];
}
