using Gongkai.Domain.Reports;
using Gongkai.Reporting.Validation;

namespace Gongkai.Reporting;

/// <summary>
/// A cell named as the printed tables name it (第二十条第（一）项·规章·本年制发件数, （三）不予公开·1.属于国家秘密·自然人,
/// 行政复议·结果维持), from the labels of <see cref="ReportSchema"/>: a message shows an officer the table's words,
/// never the canonical key. Pages use it too (the roll-up's traceability, a report's diagnostics).
/// </summary>
public static class CellNames
{
    /// <summary>
    /// Any cell by its table (二, 三 or 四), key and, for table 三, applicant column key; the row alone when table 三's
    /// column is missing; the keys as given when the schema has no such cell.
    /// </summary>
    public static string Of(ReportSchema schema, string table, string key, string? column)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return table switch
        {
            "二" => Proactive(schema, key),
            "三" when column is not null && ApplicantColumns.TryParseKey(column, out var c) => Application(schema, key, c),
            "三" => Path(schema.ApplicationRows, key) ?? (column is null ? key : key + "·" + column),
            "四" => schema.ReviewColumns.FirstOrDefault(r => r.Key == key) is { } r ? Review(r) : key,
            _ => column is null ? key : key + "·" + column,
        };
    }

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
