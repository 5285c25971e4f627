using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Reads table 四: the header cells, then one row of 15 values. Values are the tokens after the last
/// header cell (blanks on the header's own line belong to the header). A short row is placed so that
/// each group adds up to its 总计 (C-05) where the numbers allow it.
/// </summary>
internal static class ReviewTableReader
{
    private const int Width = 15;

    /// <param name="cellsMayRunTogether">A page saved as one line: fifteen digits that do not add up are still read one a cell.</param>
    public static void Read(IReadOnlyList<TableToken> tokens, AnnualReport report, List<Diagnostic> diagnostics, bool cellsMayRunTogether = false)
    {
        // A paragraph run into the row on a page saved as one line ("…总计10000100000000000我局严格规范…。"): the table
        // ends where the first sentence after its numbers starts (no header cell has a full stop).
        var all = tokens.ToList();
        var firstNumber = all.FindIndex(t => t.Kind == TokenKind.Number);
        // So does a heading of the next part ("五、信息处理费收取情况", a section the format does not have).
        var sentence = firstNumber < 0 ? -1 : all.FindIndex(firstNumber, t => t.Kind == TokenKind.Text &&
            (t.Text.Contains('。', StringComparison.Ordinal) || (t.Text.Length > 2 && "五六七八九".Contains(t.Text[0], StringComparison.Ordinal) && t.Text[1] is '、' or '.' or '．')));
        // Only where the table's header is already behind: a section that opens with a sentence holding a number ("本年度共
        //发生行政复议2件。", "2020 年，…未出现申请行政复议、提起行政诉讼的情况。") and prints its table after it keeps the table.
        if (sentence > 0 && !tokens.Skip(sentence).Any(IsHeaderCell))
        {
            tokens = tokens.Take(sentence).ToList();
        }

        var lastText = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.Text)
            {
                lastText = i;
            }
        }

        if (lastText < 0 && tokens.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.TableNotFound.Create(DiagnosticLocation.Cell("四", null), "四", "政府信息公开行政复议、行政诉讼情况"));
            return;
        }

        var headerRow = lastText >= 0 ? tokens[lastText].RowIndex : -1;
        var values = WholeRow(tokens) ?? tokens.Skip(lastText + 1).Where(t => !(t.Kind == TokenKind.Blank && t.RowIndex == headerRow)).ToList();
        while (values.Count > Width && values[^1].Kind == TokenKind.Blank)
        {
            values.RemoveAt(values.Count - 1);
        }

        if (!values.Any(v => v.Kind is TokenKind.Number or TokenKind.Blank))
        {
            // Only sentences (or an image the page no longer carries): the table is absent, not zero.
            diagnostics.Add(DiagnosticCatalog.TableNotFound.Create(DiagnosticLocation.Cell("四", null), "四", "政府信息公开行政复议、行政诉讼情况"));
            return;
        }

        var columns = report.Schema.ReviewColumns;
        if (values.Count < Width && InReadingOrder(tokens) is { } ordered)
        {
            // pdftotext without -layout: each group's header words and its counts interleaved ("结果 维持 0 结果 纠正 0 …"),
            // the fifteen counts still in the columns' order; taken so only when every group adds up to its 总计 (C-05).
            SetCells(ordered, report);

            diagnostics.Add(DiagnosticCatalog.RowsFromReadingOrder.Create(DiagnosticLocation.Cell("四", null), Width, string.Empty, "四"));
            return;
        }

        int? Parse(TableToken t) => t.Kind == TokenKind.Number && int.TryParse(t.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (values.Count >= Width)
        {
            for (var i = 0; i < Width; i++)
            {
                report.SetReview(columns[i].Key, Parse(values[i]));
            }

            return;
        }

        if (!cellsMayRunTogether && ReviewHeaderColumns.Place(tokens, values) is { } aligned && AllGroupsHold(aligned))
        {
            // Laid out in columns (pdftotext -layout): a blank cell is no token, and the numbers stand under their headers.
            SetCells(aligned, report);
            diagnostics.Add(DiagnosticCatalog.CellsUnderHeaders.Create(
                DiagnosticLocation.At(values[0].Line, values[0].Column), "行政复议、行政诉讼", values.Count, Width,
                string.Join("，", columns.Select((c, i) => CellNames.Review(c) + " " + (aligned[i]?.ToString(CultureInfo.InvariantCulture) ?? "空白")))));
            return;
        }

        if (TrySplitDigits(values, report, diagnostics, cellsMayRunTogether))
        {
            return;
        }

        var numbers = values.Where(v => v.Kind == TokenKind.Number).Select(v => Parse(v)).ToArray();
        var best = Enumerable.Range(0, Width).Select(i => i < values.Count ? Parse(values[i]) : null).ToArray();
        var bestScore = Score(best) + 0.5;
        var ties = 0;
        if (numbers.Length is > 0 and < Width)
        {
            foreach (var positions in RowCandidates.Combinations(Width, numbers.Length))
            {
                var cells = new int?[Width];
                for (var i = 0; i < positions.Length; i++)
                {
                    cells[positions[i]] = numbers[i];
                }

                var score = Score(cells);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = cells;
                    ties = 0;
                }
                else if (score == bestScore)
                {
                    ties++;
                }
            }
        }

        for (var i = 0; i < Width; i++)
        {
            report.SetReview(columns[i].Key, best[i]);
        }

        if (values.Count > 0)
        {
            var first = values[0];
            diagnostics.Add(DiagnosticCatalog.RowAlignmentAssumed.Create(
                DiagnosticLocation.At(first.Line, first.Column), "行政复议、行政诉讼", values.Count, Width,
                !AllGroupsHold(best) ? "最接近各组总计勾稽关系的放法（没有一种放法满足，请核对原文）" : ties > 0 ? "各组总计的勾稽关系（多种放法均满足，取第一种，请核对原文）" : "各组总计的勾稽关系",
                string.Join("，", columns.Select((c, i) => CellNames.Review(c) + " " + (best[i]?.ToString(CultureInfo.InvariantCulture) ?? "空白")))));
        }
    }

    /// <summary>
    /// The fifteen cells where the text around them is not only the table's header: a row of fifteen
    /// followed by prose (a report that prints no 五 heading after the table), or the row printed as three
    /// tables of five, one per group (行政复议 / 未经复议直接起诉 / 复议后起诉), each under a header of its
    /// own. Null when the values are not so printed; the caller then takes the values after the last text.
    /// </summary>
    private static List<TableToken>? WholeRow(IReadOnlyList<TableToken> tokens)
    {
        var groups = new List<List<TableToken>>();
        List<TableToken>? group = null;
        var textRows = tokens.Where(t => t.Kind == TokenKind.Text).Select(t => t.RowIndex).ToHashSet();
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Text)
            {
                group = null;
                continue;
            }

            if (token.Kind == TokenKind.Blank && textRows.Contains(token.RowIndex))
            {
                continue;
            }

            if (group is null)
            {
                group = [];
                groups.Add(group);
            }

            group.Add(token);
        }

        if (groups.Count < 2)
        {
            return null;
        }

        static int Size(List<TableToken> g)
        {
            var n = g.Count;
            while (n > 0 && g[n - 1].Kind == TokenKind.Blank)
            {
                n--;
            }

            return n;
        }

        var whole = groups.FirstOrDefault(g => Size(g) == Width && g.Take(Width).All(t => t.Kind == TokenKind.Number));
        if (whole is not null)
        {
            return whole.Take(Width).ToList();
        }

        for (var i = 0; i + 2 < groups.Count; i++)
        {
            if (Size(groups[i]) == 5 && Size(groups[i + 1]) == 5 && Size(groups[i + 2]) == 5)
            {
                return [.. groups[i].Take(5), .. groups[i + 1].Take(5), .. groups[i + 2].Take(5)];
            }
        }

        return null;
    }

    /// <summary>
    /// The fifteen cells printed as runs of digits with no separator ("110024001510102"): split so that
    /// each group's four results add up to its 总计 (C-05); said so, and said when the split is not unique.
    /// </summary>
    private static bool TrySplitDigits(List<TableToken> values, AnnualReport report, List<Diagnostic> diagnostics, bool cellsMayRunTogether)
    {
        var numbers = values.Where(v => v.Kind == TokenKind.Number).ToList();
        if (numbers.Count == 0 || numbers.Count >= Width || values.Count >= Width || numbers.Any(n => !n.Text.All(char.IsAsciiDigit)) ||
            numbers.Sum(n => n.Text.Length) < Width)
        {
            return false;
        }

        var result = DigitRuns.Split(numbers.Select(n => n.Text).ToArray(), [new(4, true), new(4, true), new(4, true)], maxSplits: 8);
        var digits = string.Concat(numbers.Select(n => n.Text));
        if (result.Splits.Count == 0 && digits.Length == Width && cellsMayRunTogether)
        {
            // Fifteen digits for fifteen cells: one digit a cell is the only reading of the print, though a group does
            // not add up to its 总计 (the check says so, GK2xxx); the table is kept as printed rather than lost.
            SetDigits(digits.Select(c => c - '0').ToArray(), report);
            diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(
                DiagnosticLocation.At(numbers[0].Line, numbers[0].Column), "行政复议、行政诉讼", string.Join(' ', numbers.Select(n => n.Text)), "栏目数（每栏一位数字）",
                string.Join("，", report.Schema.ReviewColumns.Select(c => CellNames.Review(c) + " " + report.GetReview(c.Key)?.ToString(CultureInfo.InvariantCulture))),
                "唯一的读法，但各组总计与其结果不符，请核对原文"));
            return true;
        }

        if (result.Splits.Count == 0 && digits.Length > Width && PartlyForced(numbers) is var (forced, failing))
        {
            // One group does not add up to its 总计 however the digits are split (a misprint), but the other two are
            // certain: they are kept, and the group that cannot be read is left blank rather than the whole table lost.
            var shown = forced.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "空白").ToArray();
            var columns = report.Schema.ReviewColumns;
            for (var i = 0; i < Width; i++)
            {
                report.SetReview(columns[i].Key, forced[i]);
            }

            diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(
                DiagnosticLocation.At(numbers[0].Line, numbers[0].Column), "行政复议、行政诉讼", string.Join(' ', numbers.Select(n => n.Text)), "各组总计的勾稽关系",
                string.Join("，", columns.Select((c, i) => CellNames.Review(c) + " " + shown[i])),
                $"“{GroupNames[failing]}”一组没有一种拆分满足其总计，留空；其余两组是唯一满足勾稽关系的读法，请核对原文"));
            return true;
        }

        if (result.Splits.Count == 0)
        {
            return false;
        }

        var cells = result.Splits[0];
        SetDigits(cells, report);
        var first = numbers[0];
        diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(
            DiagnosticLocation.At(first.Line, first.Column), "行政复议、行政诉讼", string.Join(' ', numbers.Select(n => n.Text)), "各组总计的勾稽关系",
            string.Join("，", report.Schema.ReviewColumns.Select((c, i) => CellNames.Review(c) + " " + cells[i].ToString(CultureInfo.InvariantCulture))),
            result.Unique ? "唯一满足勾稽关系的读法" : "多种读法均满足勾稽关系，取第一种，请核对原文"));
        return true;
    }

    /// <summary>
    /// The fifteen counts of a table whose header words and counts are interleaved (PDF reading order): exactly fifteen
    /// whole numbers among the tokens, with header words between some of them, every group adding up; else null.
    /// </summary>
    private static int?[]? InReadingOrder(IReadOnlyList<TableToken> tokens)
    {
        var numbers = tokens.Where(t => t.Kind == TokenKind.Number).ToList();
        var firstNumber = tokens.ToList().FindIndex(t => t.Kind == TokenKind.Number);
        if (numbers.Count != Width || firstNumber < 0 || !tokens.Skip(firstNumber).Any(t => t.Kind == TokenKind.Text && t.Text.Contains("维持", StringComparison.Ordinal)))
        {
            return null;
        }

        var cells = new int?[Width];
        for (var i = 0; i < Width; i++)
        {
            if (!PrintedNumber.TryReadCount(numbers[i].Text, out var n))
            {
                return null;
            }

            cells[i] = n;
        }

        return Enumerable.Range(0, 3).All(g => GroupHolds(cells, g) == true) ? cells : null;
    }

    private static readonly string[] GroupNames = ["行政复议", "未经复议直接起诉", "复议后起诉"];

    /// <summary>
    /// A cell of the table's header no sentence holds: 结果维持, or the label of a 行政诉讼 group (a PDF's text prints the
    /// result words of a narrow header one character a line, "维 纠 结 审", but the group labels whole).
    /// </summary>
    private static bool IsHeaderCell(TableToken token) => token.Kind == TokenKind.Text &&
        (token.Text.Contains("维持", StringComparison.Ordinal) ||
         (!token.Text.Contains('。', StringComparison.Ordinal) && GroupNames[1..].Any(g => token.Text.StartsWith(g, StringComparison.Ordinal))));

    /// <summary>
    /// When no split makes all three groups add up: the cells of the two groups that do add up in every split with the
    /// third group left unchecked, and which group that is. Null unless exactly one group can be the one at fault (any
    /// group whose being unchecked lets the other two add up is a candidate) and, with it unchecked, the other two read
    /// the same way in every split: a misprint in one group can let another group add up by chance.
    /// </summary>
    private static (int?[] Cells, int Failing)? PartlyForced(List<TableToken> numbers)
    {
        (int?[] Cells, int Failing)? found = null;
        var runs = numbers.Select(n => n.Text).ToArray();
        for (var g = 0; g < 3; g++)
        {
            var groups = Enumerable.Range(0, 3).Select(i => i == g ? new DigitRuns.Group(5, false) : new DigitRuns.Group(4, true)).ToArray();
            var result = DigitRuns.Split(runs, groups, maxSplits: 64);
            if (result.Splits.Count == 0 && !result.Exhausted)
            {
                continue;
            }

            // A candidate: it must be the only one, and say the same of the other two groups in every split.
            var first = result.Splits.Count > 0 ? result.Splits[0] : null;
            var outside = Enumerable.Range(0, Width).Where(i => i / 5 != g).ToArray();
            if (found is not null || first is null || result.Exhausted || result.Splits.Count == 64 ||
                !result.Splits.All(split => outside.All(i => split[i] == first[i])))
            {
                return null;
            }

            found = (Enumerable.Range(0, Width).Select(i => i / 5 == g ? (int?)null : first[i]).ToArray(), g);
        }

        return found;
    }

    private static void SetDigits(int[] cells, AnnualReport report) => SetCells(cells.Select(c => (int?)c).ToArray(), report);

    private static void SetCells(IReadOnlyList<int?> cells, AnnualReport report)
    {
        var columns = report.Schema.ReviewColumns;
        for (var i = 0; i < Width; i++)
        {
            report.SetReview(columns[i].Key, cells[i]);
        }
    }

    /// <summary>Whether every group with something in it adds up to its 总计 (C-05).</summary>
    private static bool AllGroupsHold(int?[] cells) => Enumerable.Range(0, 3).All(g => GroupHolds(cells, g) != false);

    /// <summary>C-05 per group: +1 when a group adds up (with something in it), −1 when not.</summary>
    private static double Score(int?[] cells) => Enumerable.Range(0, 3).Sum(g => GroupHolds(cells, g) switch { true => 1, false => -1, null => 0 });

    /// <summary>Whether group <paramref name="g"/> adds up to its 总计 (C-05); null when nothing is in it.</summary>
    private static bool? GroupHolds(int?[] cells, int g)
    {
        var part = cells.AsSpan(g * 5, 5);
        var empty = true;
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            empty &= part[i] is null;
            sum += i < 4 ? part[i] ?? 0 : 0;
        }

        return empty ? null : sum == (part[4] ?? 0);
    }
}
