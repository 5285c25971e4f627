namespace Gongkai.Persistence.Entities;

/// <summary>
/// A cell address of the statistical tables (二/…, 三/row/column, 四/…) given a small number once, so the one
/// million cells of 5,000 reports are grouped by an integer rather than by text.
/// </summary>
public sealed class ReportCellKeyRow
{
    public int Id { get; set; }

    /// <summary>The address as the roll-up writes it: <c>三/apps.new_received/total</c>.</summary>
    public string Cell { get; set; } = string.Empty;
}
