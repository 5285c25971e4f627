using Gongkai.Domain.Reports;
using Gongkai.Reporting.Validation;

namespace Gongkai.Reporting;

/// <summary>
/// A cell named as the printed tables name it (第二十条第（一）项·规章·本年制发件数, （三）不予公开·1.属于国家秘密·自然人,
/// 行政复议·结果维持), from the labels of <see cref="ReportSchema"/>: a message shows an officer the table's words,
/// never the canonical key.
/// </summary>
internal static class CellNames
{
    /// <summary>A table 二 cell; the key itself when the schema has no such cell.</summary>
    public static string Proactive(ReportSchema schema, string key)
    {
        foreach (var block in schema.ProactiveBlocks)
        {
            foreach (var (row, column, cellKey) in block.Cells())
            {
                if (cellKey == key)
                {
                    return block.Caption + "·" + row.Label + "·" + column.Label;
                }
            }
        }

        return key;
    }

    /// <summary>A table 三 cell: the row under its group (the sub-rows 1., 2. … repeat across groups), then the column.</summary>
    public static string Application(ReportSchema schema, string rowKey, ApplicantColumn column) =>
        (Path(schema.ApplicationRows, rowKey) ?? rowKey) + "·" + column.Label();

    /// <summary>A table 四 cell: its group, then its column.</summary>
    public static string Review(ReviewColumn column) => ReviewTotalRule.GroupLabel(column.Group) + "·" + column.Label;

    private static string? Path(IReadOnlyList<ApplicationRow> rows, string key)
    {
        foreach (var row in rows)
        {
            if (row.Key == key)
            {
                return row.Label;
            }

            if (Path(row.Children, key) is { } below)
            {
                return row.Label + "·" + below;
            }
        }

        return null;
    }
}
