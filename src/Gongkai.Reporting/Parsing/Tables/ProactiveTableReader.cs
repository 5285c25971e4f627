using System.Text.RegularExpressions;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Reads table 二 from its token stream: a caption (第二十条第（X）项) opens a block, header cells are
/// skipped, a row label opens a row, and every following token up to the next label is a value —
/// including text values as published ("3项(41笔)").
/// </summary>
internal static partial class ProactiveTableReader
{
    private static readonly string[] Signals2019 = ["新制作", "新公开", "对外公开总", "上一年项目", "增/减", "第二十条第(九)项", "采购项目", "采购总", "其他对外管理服务"];
    private static readonly string[] Signals2021 = ["制发", "制件", "废止", "现行有效", "本年处理决定", "本年收费金额"];

    /// <summary>
    /// Whether table 二's rows are printed with their counts run into their labels, one row a line ("规章000",
    /// "行政规范性文件040", "行政许可707"): a page that kept its lines but lost the separators between cells. Its cells are
    /// then read as in running text (cut from the label; a run split and flagged), not as one label that matches no row.
    /// </summary>
    public static bool RowsRunIntoCounts(IReadOnlyList<SourceLine> region) =>
        region.Count(l => RowRunIntoCountsRegex().IsMatch(l.Text)) >= 2;

    [GeneratedRegex(@"^\s*(规章|行政规范性文件|规范性文件|行政许可|其他对外管理服务事项|行政处罚|行政强制|行政事业性收费|政府集中采购)[+\-－]?\d[\d.+\-－]*(元|万元)?\s*$")]
    private static partial Regex RowRunIntoCountsRegex();

    /// <summary>Evidence for each edition in the text tokens of table 二 (positive: 2019, negative: 2021).</summary>
    public static int EditionEvidence(IEnumerable<TableToken> tokens)
    {
        var score = 0;
        foreach (var token in tokens.Where(t => t.Kind == TokenKind.Text && t.Text.Length <= ApplicationLabels.MaxLabelLength))
        {
            var key = ChineseText.LabelKey(token.Text);
            score += Signals2019.Count(s => key.Contains(s, StringComparison.Ordinal));
            score -= Signals2021.Count(s => key.Contains(s, StringComparison.Ordinal));
        }

        return score;
    }

    /// <param name="splitDigits">Whether cells may have run together (a page saved as running text); elsewhere
    /// fewer numbers than columns means blank cells were dropped, and the numbers are not cut apart.</param>
    public static void Read(IReadOnlyList<TableToken> tokens, AnnualReport report, List<Diagnostic> diagnostics, bool splitDigits = false)
    {
        var schema = report.Schema;
        // The table starts at its first caption when that is 第二十条第（一）项: what comes before it under heading 二 is
        // prose, whose words may be row labels ("主要涉及政策规范性文件、财政资金…、行政处罚。其中政策规范性文件类信息5条…").
        // Not when another caption comes first: a (一) named after the table (a note) is no start.
        var first = tokens.ToList().FindIndex(t => t.Kind == TokenKind.Text && t.Text.Length <= ApplicationLabels.MaxLabelLength &&
            CaptionRegex().IsMatch(ChineseText.LabelKey(t.Text)));
        // The prose that may state the counts of a row whose digits ran together: section 一 and what stands before the table.
        var prose = report.Sections.Sec1;
        if (first > 0 && CaptionRegex().Match(ChineseText.LabelKey(tokens[first].Text)).Groups[1].Value == "一")
        {
            prose += "。" + string.Concat(tokens.Take(first).Select(t => t.Text));
            tokens = tokens.Skip(first).ToList();
        }

        if (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Text)
        {
            // Only a table that ends on a label can have its labels after its numbers.
            tokens = ReadingOrder.LabelsFirst(tokens, tokens.Select(t => Role(t, schema)).ToList());
        }
        ProactiveBlock? block = null;
        var layout = new ProactiveHeaderColumns();
        var columnRuns = new ProactiveColumnRuns();
        (ProactiveBlock Block, ProactiveRow Row, TableToken Label)? current = null;
        var values = new Dictionary<string, (ProactiveBlock Block, ProactiveRow Row, TableToken Label, List<TableToken> Values)>();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Text && token.Text.Length <= ApplicationLabels.MaxLabelLength)
            {
                var key = ChineseText.LabelKey(token.Text);
                var caption = CaptionRegex().Match(key);
                if (caption.Success)
                {
                    block = schema.ProactiveBlocks.FirstOrDefault(b => ChineseText.LabelKey(b.Caption) == "第二十条第(" + caption.Groups[1].Value + ")项");
                    current = null;
                    columnRuns.Close();
                    continue;
                }

                if (IsHeader(key, schema))
                {
                    if (block is not null)
                    {
                        layout.Note(block, token, key);
                    }

                    columnRuns.Header(schema, block, key);
                    current = null;
                    continue;
                }

                var row = FindRow(key, block, schema);
                if (row is not null)
                {
                    current = row.Value with { Label = token };
                    values.TryAdd(row.Value.Row.KeyStem, (row.Value.Block, row.Value.Row, token, []));
                    columnRuns.Close();
                    continue;
                }
            }

            if (current is null && token.Kind == TokenKind.Number)
            {
                columnRuns.Number(token);
            }
            else if (token.Kind == TokenKind.Text)
            {
                columnRuns.Close();
            }

            if (current is { } c && values.TryGetValue(c.Row.KeyStem, out var entry) && ReferenceEquals(entry.Label, c.Label))
            {
                entry.Values.Add(token);
            }
        }

        if (values.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.TableNotFound.Create(DiagnosticLocation.Cell("二", null), "二", "主动公开政府信息情况"));
            return;
        }

        var byColumn = columnRuns.Blocks();
        foreach (var b in schema.ProactiveBlocks)
        {
            if (byColumn.TryGetValue(b.Caption, out var read) &&
                b.Rows.All(r => !values.TryGetValue(r.KeyStem, out var own) || own.Values.All(v => v.Kind != TokenKind.Number)))
            {
                for (var r = 0; r < b.Rows.Count; r++)
                {
                    for (var c = 0; c < b.Columns.Count; c++)
                    {
                        report.SetProactive(b.Rows[r].KeyFor(b.Columns[c]), CellValue.Parse(read[r][c].Text));
                    }
                }

                diagnostics.Add(DiagnosticCatalog.RowsFromReadingOrder.Create(
                    DiagnosticLocation.Cell("二", b.Rows[0].KeyFor(b.Columns[0])), b.Rows.Count * b.Columns.Count, "（" + b.Caption + "）", "二"));
                continue;
            }

            foreach (var row in b.Rows)
            {
                if (!values.TryGetValue(row.KeyStem, out var found))
                {
                    diagnostics.Add(DiagnosticCatalog.RowNotFound.Create(DiagnosticLocation.Cell("二", row.KeyFor(b.Columns[0])), "二", b.Caption + "·" + row.Label));
                    continue;
                }

                Place(found.Values, b, row, found.Label, report, diagnostics, splitDigits, prose, layout);
            }
        }
    }

    private static void Place(
        List<TableToken> tokens, ProactiveBlock block, ProactiveRow row, TableToken label, AnnualReport report, List<Diagnostic> diagnostics, bool splitDigits, string? prose,
        ProactiveHeaderColumns layout)
    {
        var width = block.Columns.Count;
        if (!splitDigits)
        {
            tokens = CountsInWords(tokens);
        }

        // A unit printed after an amount or a count ("39573802895.90元", "1个" cut at the digit boundary) is not a cell,
        // nor is one printed with the row's label ("政府集中采购（元）6675809").
        var cells = tokens.Where((t, i) => !(t.Kind == TokenKind.Text &&
            ((t.Text is "元" or "万元" or "个" or "件" or "项" or "笔" or "条" && i > 0 && tokens[i - 1].Kind == TokenKind.Number) ||
             (i == 0 && t.Text is "（元）" or "(元)" or "（万元）" or "(万元)")))).ToList();
        while (cells.Count > width && cells[^1].Kind == TokenKind.Blank)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        while (cells.Count > width && cells[0].Kind == TokenKind.Blank)
        {
            cells.RemoveAt(0);
        }

        if (ProactiveSubItems.Sum(cells, block, row, label) is { } subItems)
        {
            cells = subItems.Cells;
            diagnostics.Add(subItems.Said);
        }
        else if (splitDigits && cells.Count < width && ProactiveRunSplits.Split(cells, block, ProactiveRunSplits.ProseFigures(prose, block, row)) is { } split)
        {
            var raw = string.Join(' ', cells.Select(t => t.Text));
            cells = split.Cells;
            diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(
                DiagnosticLocation.At(label.Line, label.Column), row.Label, raw,
                split.Basis, string.Join("，", cells.Select((t, i) => block.Columns[i].Label + " " + t.Text)),
                split.Choice ?? (split.Unique ? "唯一可行的拆分，但表二没有勾稽关系可以印证，请核对原文" : "表二没有勾稽关系，多种拆分均可，取位数最均衡的一种，请核对原文")));
        }
        else if (!splitDigits && layout.Place(block, label, cells) is { } aligned)
        {
            diagnostics.Add(DiagnosticCatalog.CellsUnderHeaders.Create(
                DiagnosticLocation.At(label.Line, label.Column), row.Label, cells.Count, width,
                string.Join("，", aligned.Select((t, i) => block.Columns[i].Label + " " + (t.Text.Length == 0 ? "空白" : t.Text)))));
            cells = aligned;
        }
        else if (cells.Count > width)
        {
            var extra = cells.Skip(width).Where(t => t.Kind != TokenKind.Blank).Select(t => t.Text).ToArray();
            if (extra.Length > 0)
            {
                diagnostics.Add(DiagnosticCatalog.ExtraCells.Create(DiagnosticLocation.At(label.Line, label.Column), row.Label, cells.Count, width, string.Join(' ', extra)));
            }
        }
        else if (cells.Count == width - 1 && width == 3 && block.Columns[1].KeySuffix == "repealed" && cells.All(t => t.Kind == TokenKind.Number) &&
                 decimal.TryParse(cells[0].Text, System.Globalization.CultureInfo.InvariantCulture, out var first) &&
                 decimal.TryParse(cells[1].Text, System.Globalization.CultureInfo.InvariantCulture, out var second) && second >= first)
        {
            // 第二十条第（一）项 with two of its three counts, the second no smaller than the first: the cell lost
            // is taken to be 本年废止件数, the one agencies most often leave empty (and the one a converter drops
            // when it held a note such as "22（其中修订 16 件）"), and the larger count is 现行有效件数 (a stock,
            // which holds the year's new documents). Said, since the print does not decide it.
            cells = [cells[0], label with { Kind = TokenKind.Blank, Text = string.Empty }, cells[1]];
            diagnostics.Add(DiagnosticCatalog.RowAlignmentAssumed.Create(
                DiagnosticLocation.At(label.Line, label.Column), row.Label, 2, width, "本年废止件数空缺（本表最常空白的一列；印刷未定，请核对原文）",
                string.Join("，", cells.Select((t, i) => block.Columns[i].Label + " " + (t.Text.Length == 0 ? "空白" : t.Text)))));
        }
        else if (cells.Count < width && cells.Count > 0)
        {
            var printed = cells.Count;
            var how = "左对齐";
            if (ByValueKind(cells, block) is { } placed)
            {
                // A spreadsheet that kept only its non-empty cells: a negative number can only be 本年增/减 and a
                // decimal only an amount, which may settle where the others stood.
                // In running text a number may be two cells run together, so the kinds settle nothing there.
                cells = placed.Cells;
                how = placed.Unique && !splitDigits ? "各栏的数值类型（只有增/减可为负数，只有金额可带小数）唯一可行的放法" :
                    placed.LeftAligned ? how : "各栏的数值类型（只有增/减可为负数，只有金额可带小数）可行的最左放法，多种放法均可，请核对原文";
            }

            diagnostics.Add(DiagnosticCatalog.RowAlignmentAssumed.Create(
                DiagnosticLocation.At(label.Line, label.Column), row.Label, printed, width, how,
                string.Join("，", cells.Select((t, i) => block.Columns[i].Label + " " + (t.Text.Length == 0 ? "空白" : t.Text)))));
        }

        for (var i = 0; i < width; i++)
        {
            var value = i < cells.Count ? cells[i] : null;
            report.SetProactive(row.KeyFor(block.Columns[i]), value?.Kind switch
            {
                TokenKind.Number => CellValue.Parse(value.Text),
                // A worded cell is kept as printed ("3项(41笔)", "未统计"); the header of table 三 run into table 二 where its
                // heading is missing ("申请人情况", "（本列数据的勾稽关系为：…）") is no value of table 二.
                TokenKind.Text => NextTableHeader(value.Text) ? CellValue.Blank : CellValue.FromText(value.Text),
                _ => CellValue.Blank,
            });
        }
    }

    /// <summary>
    /// A worded cell that pdftotext -layout cut at each change of font ("3 项(41 笔)": the digits in one, the words in
    /// another): the count and the words that follow it on the same line, one space apart, are one cell as printed
    /// ("3项(41笔)"). A bare unit after a count ("2 笔") stays apart: the count alone is the cell.
    /// </summary>
    private static List<TableToken> CountsInWords(List<TableToken> tokens)
    {
        List<TableToken>? merged = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Number && i + 1 < tokens.Count && tokens[i + 1] is { Kind: TokenKind.Text } words &&
                words.Line == t.Line && words.Column - (t.Column + t.Text.Length) is >= 0 and <= 1 &&
                words.Text.Length > 1 && "项笔个件条".Contains(words.Text[0], StringComparison.Ordinal) &&
                (words.Text.Contains('(', StringComparison.Ordinal) || words.Text.Contains('（', StringComparison.Ordinal)))
            {
                merged ??= tokens.Take(i).ToList();
                merged.Add(t with { Kind = TokenKind.Text, Text = string.Concat((t.Text + words.Text).Where(c => !char.IsWhiteSpace(c))) });
                i++;
                continue;
            }

            merged?.Add(t);
        }

        return merged ?? tokens;
    }

    private static readonly string[] NextTableWords = ["勾稽关系", "申请人情况", "自然人", "法人或其他组织", "本年新收", "上年结转", "行政复议", "行政诉讼"];

    private static bool NextTableHeader(string text) => text.Length > 40 || NextTableWords.Any(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// The order-keeping placements of a short row of numbers into the block's columns that respect each
    /// column's kind: the first (leftmost) of them, whether it is the only one, and whether it is the row as
    /// printed (left-aligned). Null when the row holds something else than numbers or no placement fits.
    /// </summary>
    private static (List<TableToken> Cells, bool Unique, bool LeftAligned)? ByValueKind(List<TableToken> cells, ProactiveBlock block)
    {
        var width = block.Columns.Count;
        if (cells.Any(t => t.Kind != TokenKind.Number))
        {
            return null;
        }

        int[]? first = null;
        var fitting = 0;
        foreach (var positions in RowCandidates.Combinations(width, cells.Count))
        {
            if (positions.Select((p, i) => Fits(block.Columns[p].Kind, cells[i].Text)).All(f => f))
            {
                first ??= positions;
                fitting++;
            }
        }

        if (first is null)
        {
            return null;
        }

        var placed = Enumerable.Range(0, width).Select(_ => cells[0] with { Kind = TokenKind.Blank, Text = string.Empty }).ToList();
        for (var i = 0; i < first.Length; i++)
        {
            placed[first[i]] = cells[i];
        }

        return (placed, fitting == 1, first.Select((p, i) => p == i).All(x => x));
    }

    private static bool Fits(ValueKind kind, string text)
    {
        if (!decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return true;
        }

        var whole = !text.Contains('.', StringComparison.Ordinal);
        return kind switch
        {
            ValueKind.Count => whole && value >= 0,
            ValueKind.SignedCount => whole,
            ValueKind.Money => value >= 0,
        };
    }
}
