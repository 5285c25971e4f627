namespace Gongkai.Domain.Reports;

/// <summary>One block of table 二, captioned by the Art. 20 item it reports (第二十条第（一）项 …).</summary>
/// <param name="Caption">The exact caption, e.g. <c>第二十条第（一）项</c>.</param>
/// <param name="Columns">Value columns after the first column 信息内容.</param>
/// <param name="Rows">The rows of the block.</param>
public sealed record ProactiveBlock(string Caption, IReadOnlyList<ProactiveColumn> Columns, IReadOnlyList<ProactiveRow> Rows)
{
    /// <summary>The first column header of every block.</summary>
    public const string FirstColumnLabel = "信息内容";

    public IEnumerable<(ProactiveRow Row, ProactiveColumn Column, string Key)> Cells() =>
        from row in Rows from column in Columns select (row, column, row.KeyFor(column));
}
