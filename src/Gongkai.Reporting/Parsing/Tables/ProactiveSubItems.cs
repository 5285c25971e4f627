using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// A table 二 row printed as sub-items of its own, each with its label and its counts: "其他对外管理服务事项 | 行政检查 |
/// 0 | 0 | 0 | 行政确认 | 0 | 0 | 0" (a street office listing its kinds of service). The row is the sum of its sub-items,
/// column by column; the sub-item's label is no cell (read as one, 上一年项目数量 was the text 行政检查 and the rest shifted).
/// </summary>
internal static class ProactiveSubItems
{
    /// <summary>The column sums, said with GK4005, or null when the cells are not sub-items of exactly the row's width.</summary>
    public static (List<TableToken> Cells, Diagnostic Said)? Sum(IReadOnlyList<TableToken> printed, ProactiveBlock block, ProactiveRow row, TableToken label)
    {
        var width = block.Columns.Count;
        // An empty cell between one sub-item and the next (a row's closing border) is no cell of either.
        var cells = printed.Where((t, i) => t.Kind != TokenKind.Blank || (i + 1 < printed.Count && printed[i + 1].Kind != TokenKind.Text && printed[i + 1].Kind != TokenKind.Blank)).ToList();
        if (cells.Count < width + 1 || cells.Count % (width + 1) != 0 || cells[0].Kind != TokenKind.Text)
        {
            return null;
        }

        var sums = new decimal[width];
        var names = new List<string>();
        for (var at = 0; at < cells.Count; at += width + 1)
        {
            var name = cells[at];
            if (name.Kind != TokenKind.Text || name.Text.Length < 2 || !name.Text.All(IsHan))
            {
                return null;
            }

            for (var c = 0; c < width; c++)
            {
                var cell = cells[at + 1 + c];
                if (cell.Kind != TokenKind.Number || !decimal.TryParse(cell.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }

                sums[c] += value;
            }

            names.Add(name.Text);
        }

        var summed = Enumerable.Range(0, width)
            .Select(c => cells[1 + c] with { Text = sums[c].ToString(CultureInfo.InvariantCulture) })
            .ToList();
        var said = DiagnosticCatalog.RowAlignmentAssumed.Create(
            DiagnosticLocation.At(label.Line, label.Column), row.Label, printed.Count, width,
            "分项（" + string.Join("、", names) + "）各栏之和（分项名称不是单元格）",
            string.Join("，", summed.Select((t, i) => block.Columns[i].Label + " " + t.Text)));
        return (summed, said);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
