using System.Globalization;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Reads table 三 from its token stream. Row labels are recognised wherever they stand; the values of a
/// row are the tokens between its label and the next label. Rows whose cells cannot be read as printed
/// (cells missing, digits run together) get candidate readings, and the combination that satisfies the
/// table's own sum rules best is chosen: C-03 per row, C-01 and C-02 per column.
/// </summary>
internal static partial class ApplicationsTableReader
{
    /// <summary>Table 三 read in the report's layout (<see cref="Table3Layouts.Read"/> decides when the other layout's reading is taken).</summary>
    /// <param name="cellsMayRunTogether">The text was saved as running text (one line), where a number may be several cells whose separators and blanks were lost.</param>
    public static void Read(IReadOnlyList<TableToken> tokens, AnnualReport report, List<Diagnostic> diagnostics, bool cellsMayRunTogether)
    {
        var schema = report.Schema;
        tokens = ConvertedTableRows.JoinWrappedLabels(tokens, report.Edition);
        if (tokens.Count > 0 && tokens[^1].Kind == TokenKind.Text)
        {
            // Only a table that ends on a label can have its labels after its numbers.
            tokens = ReadingOrder.LabelsFirst(tokens, Roles(tokens, report.Edition, schema));
        }
        var observations = new Dictionary<string, RowObservation>();
        RowObservation? current = null;
        string? previousKey = null;
        var hasTotalColumn = false;
        var bareRows = ConvertedTableRows.BareValueRows(tokens, report.Edition);
        var cellsPerRow = ConvertedTableRows.CellsPerRow(tokens);
        var headerRows = tokens.Where(t => t.Kind == TokenKind.Text && TableTokenizer.IsPlaceholderHeader(t.Text)).Select(t => t.RowIndex).ToHashSet();
        var strayRows = new List<(List<TableToken> Values, RowObservation? Owner)>();
        List<TableToken>? stray = null;
        var afterGroup = new List<(TableToken Group, List<TableToken> Numbers)>();
        // A group label whose next label is its first sub-row (1.属于国家秘密): the numbers between are the group's subtotal,
        // printed by some tables, not the counts of rows whose labels were lost.
        var subtotals = new HashSet<int>();
        int? openGroup = null;
        List<TableToken>? groupNumbers = null;
        var rowIndex = -1;
        foreach (var token in tokens)
        {
            if (token.RowIndex != rowIndex)
            {
                rowIndex = token.RowIndex;
                stray = null;
                if (bareRows.Contains(rowIndex) && !ConvertedTableRows.CompletesRow(current, rowIndex, cellsPerRow))
                {
                    // A printed row of counts with no label of its own: its label may be the line above, or
                    // (PDF reading order inside a Markdown table) anywhere among the labels left without
                    // counts. Kept apart and matched once all labels are known.
                    stray = [];
                    strayRows.Add((stray, current is not null && !current.Values.Any(v => v.Kind == TokenKind.Number) ? current : null));
                    current = null;
                }
            }

            if (stray is not null)
            {
                if (token.Kind != TokenKind.Text)
                {
                    stray.Add(token);
                }

                continue;
            }

            if (token.Kind != TokenKind.Text)
            {
                current?.Values.Add(token);
                if (current is null && token.Kind == TokenKind.Number)
                {
                    groupNumbers?.Add(token);
                }

                continue;
            }

            groupNumbers = null;
            var afterGroupLabel = openGroup;
            openGroup = null;

            if (headerRows.Contains(token.RowIndex))
            {
                // A header of placeholders (类别 | 数据1 … | 总计), repeated where the table goes on after a page
                // break: its 总计 is the column's, never the （七）总计 row, whatever row came before it.
                hasTotalColumn |= ChineseText.LabelKey(token.Text) is "总计" or "合计";
                current = null;
                continue;
            }

            var label = ApplicationLabels.Recognise(token.Text, report.Edition, previousKey)
                ?? NextNumberedRow(token.Text, previousKey, schema);
            switch (label?.Kind)
            {
                case ApplicationLabelKind.Row when schema.IsApplicationRowKey(label.RowKey!):
                    current = new RowObservation(label.RowKey!, token);
                    if (!observations.TryGetValue(current.Key, out var earlier) || earlier.Values.All(v => v.Kind == TokenKind.Blank))
                    {
                        observations[current.Key] = current;
                    }

                    previousKey = current.Key;
                    if (afterGroupLabel is { } group && token.Text.TrimStart().StartsWith('1'))
                    {
                        subtotals.Add(group);
                    }

                    break;
                case ApplicationLabelKind.TotalHeader:
                    hasTotalColumn = true;
                    current = null;
                    break;
                case ApplicationLabelKind.Group:
                    current = null;
                    groupNumbers = [];
                    afterGroup.Add((token, groupNumbers));
                    openGroup = afterGroup.Count - 1;
                    break;
                case ApplicationLabelKind.Header:
                    current = null;
                    break;
                default:
                    // Fragments of merged group labels ("无法" / "提供") carry no values; the last words of a wrapped label
                    // may be followed by the rest of its row's counts.
                    if ((current is null || current.Values.Count > 0) && !ConvertedTableRows.CompletesRow(current, token.RowIndex, cellsPerRow))
                    {
                        current = null;
                    }

                    if (token.Text.Length > 15 && label is null && !ConvertedTableRows.IsTemplateFragment(token.Text, report.Edition))
                    {
                        diagnostics.Add(DiagnosticCatalog.UnplacedText.Create(DiagnosticLocation.At(token.Line, token.Column), "三", Shorten(token.Text)));
                    }

                    break;
            }
        }

        ConvertedTableRows.MatchStrayRows(observations, strayRows, diagnostics);
        if (observations.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.TableNotFound.Create(DiagnosticLocation.Cell("三", null), "三", "收到和处理政府信息公开申请情况"));
            return;
        }

        if (InterleavedRows.TryRead(tokens, observations, report, diagnostics))
        {
            return;
        }

        ReportNumbersAfterGroups([.. afterGroup.Where((_, i) => !subtotals.Contains(i))], diagnostics);

        if (!hasTotalColumn)
        {
            hasTotalColumn = observations.Values.Count(o => o.Values.Count(v => v.Kind != TokenKind.Blank) >= 7) > observations.Count / 2;
            if (!hasTotalColumn)
            {
                diagnostics.Add(DiagnosticCatalog.NoTotalColumn.Create(DiagnosticLocation.Cell("三", null, "total")));
            }
        }

        var width = hasTotalColumn ? 7 : 6;
        var rows = schema.ApplicationDataRows.Select(r => r.Key!).ToArray();
        var underHeaders = width == 7 ? HeaderColumns.Readings(tokens, observations) : [];
        var candidates = new List<RowReading>[rows.Length];
        cellsMayRunTogether |= observations.Values.Any(o => o.Values.Any(v => v.Kind == TokenKind.Number && RowCandidates.IsRun(v.Text)));
        var cutOff = cellsMayRunTogether ? null : CutOffRow.Find(tokens, observations, width, rows[^1]);
        var complete = true;
        for (var i = 0; i < rows.Length; i++)
        {
            if (!observations.TryGetValue(rows[i], out var observation))
            {
                diagnostics.Add(DiagnosticCatalog.RowNotFound.Create(DiagnosticLocation.Cell("三", rows[i]), "三", schema.ApplicationDataRows[i].Label));
                candidates[i] = [new RowReading(new int?[7], new bool[7], 0, RowReadingKind.Literal)];
                continue;
            }

            // "000" is three cells of 0 wherever it stands: no count is written with a leading zero.
            var values = observation.Values.Select(v => IsCount(v) ? v : Unusable(v, schema.ApplicationDataRows[i].Label, diagnostics))
                .SelectMany(v => v.Kind == TokenKind.Number && v.Text.Length > 1 && v.Text.All(c => c == '0') ? Enumerable.Repeat(v with { Text = "0" }, v.Text.Length) : [v])
                .ToList();

            // A short row whose numbers may each be several cells run together (blanks dropped with the
            // separators): its candidates may miss the reading as printed.
            complete &= !cellsMayRunTogether || values.Count(v => v.Kind == TokenKind.Number) >= width ||
                values.All(v => v.Kind != TokenKind.Number || v.Text.Length == 1);
            candidates[i] = RowCandidates.For(values, width, splitDigits: hasTotalColumn, runTogether: cellsMayRunTogether)
                .Select(r => Widen(r, hasTotalColumn))
                .Where(r => r.Kind != RowReadingKind.DigitSplit || ReadingSolver.RowBalances(r) == 1)
                .ToList();
            if (rows[i] == cutOff)
            {
                candidates[i] = [CutOffRow.LeftAligned(observation, width)];
            }
            else if (underHeaders.TryGetValue(rows[i], out var aligned))
            {
                candidates[i].Add(aligned);
            }
        }

        var (choice, settled, consistent) = ReadingSolver.Solve(rows, candidates, joint: complete);
        if (!complete)
        {
            // A row's candidates may not hold its reading, so what the sums rule out for one row says nothing
            // certain about another: a row is settled only when the whole table has one reading.
            var all = settled.All(s => s);
            Array.Fill(settled, all);
        }
        for (var i = 0; i < rows.Length; i++)
        {
            var reading = candidates[i][choice[i]];
            for (var c = 0; c < 7; c++)
            {
                report.SetApplications(rows[i], ApplicantColumns.All[c], reading.Cells[c]);
            }

            if (observations.TryGetValue(rows[i], out var observation))
            {
                Explain(observation, reading, candidates[i], width, settled[i], consistent, schema.ApplicationDataRows[i].Label, diagnostics);
            }
        }

        InferMissing(report, rows, rows.Select((_, i) => candidates[i][choice[i]]).ToArray(), hasTotalColumn, diagnostics);
    }

    /// <summary>
    /// Numbers printed after a group label (（三）不予公开, （四）无法提供 …) before any row label of the group: a page that lost
    /// the sub-rows' labels. They belong to no row the text names, so they are dropped, and said to be (GK4008), once per group.
    /// </summary>
    private static void ReportNumbersAfterGroups(List<(TableToken Group, List<TableToken> Numbers)> afterGroup, List<Diagnostic> diagnostics)
    {
        foreach (var (group, numbers) in afterGroup.Where(g => g.Numbers.Count > 0))
        {
            var shown = string.Join(' ', numbers.Take(7).Select(n => n.Text)) + (numbers.Count > 7 ? " …" : string.Empty);
            var what = $"{Shorten(group.Text)}之后的 {numbers.Count} 个数字（{shown}），该组各行的名称缺失";
            diagnostics.Add(DiagnosticCatalog.UnplacedText.Create(DiagnosticLocation.At(numbers[0].Line, numbers[0].Column), "三", what));
        }
    }

    private static List<ReadingOrder.Role> Roles(IReadOnlyList<TableToken> tokens, ReportEdition edition, ReportSchema schema)
    {
        var roles = new List<ReadingOrder.Role>(tokens.Count);
        string? previousKey = null;
        foreach (var token in tokens)
        {
            var label = token.Kind == TokenKind.Text ? ApplicationLabels.Recognise(token.Text, edition, previousKey) ?? NextNumberedRow(token.Text, previousKey, schema) : null;
            switch (label?.Kind)
            {
                case ApplicationLabelKind.Row when schema.IsApplicationRowKey(label.RowKey!):
                    previousKey = label.RowKey;
                    roles.Add(ReadingOrder.Role.RowLabel);
                    break;
                case ApplicationLabelKind.TotalHeader or ApplicationLabelKind.Header:
                    roles.Add(ReadingOrder.Role.Header);
                    break;
                default:
                    roles.Add(ReadingOrder.Role.Other);
                    break;
            }
        }

        return roles;
    }

    /// <summary>
    /// A label cut short by wrapping ("1.申请人无正当理由") is the next sub-row with that list number
    /// after the row before it, in the template's order.
    /// </summary>
    private static ApplicationLabel? NextNumberedRow(string text, string? previousKey, ReportSchema schema)
    {
        if (previousKey is null || ApplicationLabels.ListNumber(text) is not { } number)
        {
            return null;
        }

        var rows = schema.ApplicationDataRows;
        var after = rows.Select((r, i) => (r, i)).First(x => x.r.Key == previousKey).i;
        var prefix = number.ToString(CultureInfo.InvariantCulture) + ".";
        return rows.Skip(after + 1).Take(2).FirstOrDefault(r => r.Label.StartsWith(prefix, StringComparison.Ordinal)) is { } next
            ? new ApplicationLabel(next.Key, ApplicationLabelKind.Row)
            : null;
    }

    /// <summary>A count, or a run of digits too long for one cell (cells run together), left for splitting.</summary>
    private static bool IsCount(TableToken token) =>
        token.Kind != TokenKind.Number || int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ||
        (token.Text.Length <= 9 * 7 && token.Text.All(char.IsAsciiDigit));

    /// <summary>A number that is not a whole count ("7.5") is reported and read as blank.</summary>
    private static TableToken Unusable(TableToken token, string label, List<Diagnostic> diagnostics)
    {
        diagnostics.Add(DiagnosticCatalog.BadValue.Create(DiagnosticLocation.At(token.Line, token.Column), label, token.Text));
        return token with { Kind = TokenKind.Blank };
    }

    private static RowReading Widen(RowReading reading, bool hasTotalColumn)
    {
        if (hasTotalColumn)
        {
            return reading;
        }

        var cells = new int?[7];
        var missing = new bool[7];
        Array.Copy(reading.Cells, cells, 6);
        Array.Copy(reading.Missing, missing, 6);
        return reading with { Cells = cells, Missing = missing };
    }

    private static void Explain(RowObservation observation, RowReading reading, List<RowReading> candidates, int width, bool settled, bool consistent, string label, List<Diagnostic> diagnostics)
    {
        var location = DiagnosticLocation.At(observation.Label.Line, observation.Label.Column);
        var trimmed = RowCandidates.Trim(observation.Values, width);
        var count = trimmed.Count;
        var shown = Describe(reading.Cells, width);
        var confidence = settled ? "唯一满足勾稽关系的读法"
            : consistent ? "多种读法均满足勾稽关系，按版面位置及其他行所用的栏目选择，请核对原文"
            : "没有一种读法满足全部勾稽关系，取最接近的读法，请核对原文";
        switch (reading.Kind)
        {
            case RowReadingKind.DigitSplit or RowReadingKind.DigitSplitNotAddingUp:
                var raw = string.Join(' ', observation.Values.Where(v => v.Kind == TokenKind.Number).Select(v => v.Text));
                diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(location, label, raw, "勾稽关系", shown, confidence));
                break;
            case RowReadingKind.DigitPerCell:
                diagnostics.Add(DiagnosticCatalog.DigitsSplit.Create(location, label, string.Join(' ', observation.Values.Where(v => v.Kind == TokenKind.Number).Select(v => v.Text)),
                    "栏目数（每栏一位数字）", shown, ReadingSolver.RowBalances(reading) == 1 ? "唯一的读法" : "唯一的读法，但本行总计与各栏之和不符，请核对原文"));
                break;
            case RowReadingKind.Placement when candidates.Count > 1 || count < width:
                // The sums cannot tell the placements apart: say which was taken, left-aligned or not (a row whose only
                // count is its 总计, its other cells printed empty, is placed by the columns the other rows use).
                var leftAligned = Enumerable.Range(0, Math.Min(width, reading.Missing.Length)).All(c => reading.Missing[c] == (c >= count));
                var why = candidates.Select(c => c.SumSignature).Distinct().Count() > 1 ? confidence
                    : leftAligned ? "左对齐，缺少的单元格在末尾"
                    : "本表其他行所用的栏目放置（各种放法之和相同），请核对原文";
                diagnostics.Add(DiagnosticCatalog.RowAlignmentAssumed.Create(location, label, Math.Min(count, width), width, why, shown));
                break;
            case RowReadingKind.Literal when count > width:
                var extra = trimmed.Skip(width).Where(v => v.Kind != TokenKind.Blank).Select(v => v.Text).ToArray();
                if (extra.Length > 0)
                {
                    diagnostics.Add(DiagnosticCatalog.ExtraCells.Create(location, label, count, width, string.Join(' ', extra)));
                }

                break;
        }
    }

    private static string Describe(int?[] cells, int width) =>
        string.Join("，", Enumerable.Range(0, width).Select(c => $"{ApplicantColumns.All[c].Label()} {cells[c]?.ToString(CultureInfo.InvariantCulture) ?? "空白"}"));

    internal static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
