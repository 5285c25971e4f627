using System.Globalization;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Rendering.Layout;

/// <summary>
/// Lays a report out in the official format: the six headings, narrative paragraphs, and tables 二、三、四
/// with the template's merged header cells. Every renderer prints this one layout, so each label exists
/// once (in <see cref="ReportSchema"/>). Blank stays blank, zero prints 0.
/// </summary>
public static class ReportLayoutBuilder
{
    /// <summary>The title placeholder for an unknown agency (templates).</summary>
    public const string AgencyPlaceholder = "（机关名称）";

    public static ReportDocument Build(AnnualReport report)
    {
        var blocks = new List<LayoutBlock>();
        foreach (var section in report.Schema.Sections)
        {
            blocks.Add(new HeadingBlock(section.Heading));
            switch (section.Key)
            {
                case "sec2":
                    blocks.Add(new TableBlock("二", ProactiveTable(report)));
                    break;
                case "sec3":
                    blocks.Add(new TableBlock("三", ApplicationsTable(report)));
                    break;
                case "sec4":
                    blocks.Add(new TableBlock("四", ReviewTable(report)));
                    break;
                default:
                    blocks.AddRange(Paragraphs(report.Sections.Get(section.Key), section.Placeholder!));
                    break;
            }
        }

        return new ReportDocument(Title(report), blocks);
    }

    public static string Title(AnnualReport report)
    {
        var agency = string.IsNullOrWhiteSpace(report.Agency) ? AgencyPlaceholder : report.Agency.Trim();
        var year = report.Year?.ToString(CultureInfo.InvariantCulture) ?? "XXXX";
        return $"{agency}{year}年政府信息公开工作年度报告";
    }

    private static IEnumerable<LayoutBlock> Paragraphs(string text, string placeholder)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToArray();
        return lines.Length == 0 ? [new ParagraphBlock(placeholder)] : lines.Select(l => new ParagraphBlock(l));
    }

    /// <summary>Table 二: the blocks stacked in one table as wide as the widest block.</summary>
    public static GridTable ProactiveTable(AnnualReport report)
    {
        var blocks = report.Schema.ProactiveBlocks;
        var width = 1 + blocks.Max(b => b.Columns.Count);
        var rows = new List<IReadOnlyList<GridCell>>();
        foreach (var block in blocks)
        {
            rows.Add([new GridCell(block.Caption, CellRole.Header, ColSpan: width)]);
            rows.Add(Spread(
                new GridCell(ProactiveBlock.FirstColumnLabel, CellRole.Header),
                block.Columns.Select(c => (c.Label, CellRole.Header)).ToArray(), width));
            foreach (var row in block.Rows)
            {
                rows.Add(Spread(
                    new GridCell(row.Label, CellRole.Label),
                    block.Columns.Select(c => (report.GetProactive(row.KeyFor(c)).ToString(), CellRole.Value)).ToArray(), width));
            }
        }

        return new GridTable(width, rows, [3, .. Enumerable.Repeat(2, width - 1)]);
    }

    /// <summary>Table 三: three label columns (一/三 · （一）…（七） · 1. …) and the seven applicant columns.</summary>
    public static GridTable ApplicationsTable(AnnualReport report)
    {
        const int LabelColumns = 3;
        var rows = new List<IReadOnlyList<GridCell>>
        {
            new GridCell[]
            {
                new(ReportSchema.ApplicationsCornerNote, CellRole.Header, RowSpan: 3, ColSpan: LabelColumns),
                new(ReportSchema.ApplicantsHeader, CellRole.Header, ColSpan: 7),
            },
            new GridCell[]
            {
                new(ApplicantColumn.NaturalPerson.Label(), CellRole.Header, RowSpan: 2),
                new(ReportSchema.OrganisationsHeader, CellRole.Header, ColSpan: 5),
                new(ApplicantColumn.Total.Label(), CellRole.Header, RowSpan: 2),
            },
            ApplicantColumns.Organisations.Select(c => new GridCell(c.Label(), CellRole.Header)).ToArray(),
        };

        foreach (var top in report.Schema.ApplicationRows)
        {
            if (!top.IsGroup)
            {
                rows.Add([new GridCell(top.Label, CellRole.Label, ColSpan: LabelColumns), .. Values(report, top.Key!)]);
                continue;
            }

            var first = true;
            var height = top.Children.Sum(c => Math.Max(1, c.Children.Count));
            foreach (var middle in top.Children)
            {
                var lead = first ? new[] { new GridCell(top.Label, CellRole.Label, RowSpan: height) } : [];
                first = false;
                if (!middle.IsGroup)
                {
                    rows.Add([.. lead, new GridCell(middle.Label, CellRole.Label, ColSpan: 2), .. Values(report, middle.Key!)]);
                    continue;
                }

                var firstChild = true;
                foreach (var leaf in middle.Children)
                {
                    var cells = new List<GridCell>();
                    if (firstChild)
                    {
                        cells.AddRange(lead);
                        cells.Add(new GridCell(middle.Label, CellRole.Label, RowSpan: middle.Children.Count));
                        firstChild = false;
                    }

                    cells.Add(new GridCell(leaf.Label, CellRole.Label));
                    cells.AddRange(Values(report, leaf.Key!));
                    rows.Add(cells);
                }
            }
        }

        // Each count column holds five digits at the tables' 9 pt without wrapping (1259 printed as 125 over 9 read as two
        // numbers once the document went through PDF); the labels wrap instead.
        return new GridTable(LabelColumns + 7, rows, [3, 4, 10, 4, 4, 4, 4, 4, 4, 4]);
    }

    /// <summary>Table 四: 行政复议 (5) and 行政诉讼 (未经复议直接起诉 5, 复议后起诉 5), one value row.</summary>
    public static GridTable ReviewTable(AnnualReport report)
    {
        var columns = report.Schema.ReviewColumns;
        var review = columns.Where(c => c.Group == ReviewGroup.Reconsideration).ToArray();
        var litigation = columns.Where(c => c.Group != ReviewGroup.Reconsideration).ToArray();
        var rows = new List<IReadOnlyList<GridCell>>
        {
            new GridCell[]
            {
                new(ReportSchema.ReconsiderationHeader, CellRole.Header, ColSpan: 5),
                new(ReportSchema.LitigationHeader, CellRole.Header, ColSpan: 10),
            },
            review.Select(c => new GridCell(c.Label, CellRole.Header, RowSpan: 2))
                .Append(new GridCell("未经复议直接起诉", CellRole.Header, ColSpan: 5))
                .Append(new GridCell("复议后起诉", CellRole.Header, ColSpan: 5))
                .ToArray(),
            litigation.Select(c => new GridCell(c.Label, CellRole.Header)).ToArray(),
            columns.Select(c => new GridCell(Show(report.GetReview(c.Key)), CellRole.Value)).ToArray(),
        };
        return new GridTable(15, rows);
    }

    private static IEnumerable<GridCell> Values(AnnualReport report, string rowKey) =>
        ApplicantColumns.All.Select(c => new GridCell(Show(report.GetApplications(rowKey, c)), CellRole.Value));

    private static string Show(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A block row in a wider table: the last value cell spans the remaining columns.</summary>
    private static GridCell[] Spread(GridCell first, (string Text, CellRole Role)[] values, int width)
    {
        var cells = new GridCell[1 + values.Length];
        cells[0] = first;
        for (var i = 0; i < values.Length; i++)
        {
            var span = i == values.Length - 1 ? width - values.Length : 1;
            cells[i + 1] = new GridCell(values[i].Text, values[i].Role, ColSpan: span);
        }

        return cells;
    }
}
