using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 三 as PDF and OCR converters leave it: labels wrapped and cut inside their cells, rows of counts
/// printed without their labels. Put back together here before <see cref="ApplicationsTableReader"/> reads the
/// rows, so the reader itself deals only with the table as printed.
/// </summary>
internal static class ConvertedTableRows
{
    /// <summary>
    /// A label wrapped inside its cell and cut where none of its words survives whole ("3.要求提供公开出" /
    /// "版物"): a list-numbered piece that is no label, followed by a piece that is none either, is read as one.
    /// </summary>
    internal static IReadOnlyList<TableToken> JoinWrappedLabels(IReadOnlyList<TableToken> tokens, ReportEdition edition)
    {
        List<TableToken>? joined = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i + 1 < tokens.Count && token.Kind == TokenKind.Text && tokens[i + 1] is { Kind: TokenKind.Text } next &&
                ApplicationLabels.ListNumber(token.Text) is not null && ApplicationLabels.ListNumber(next.Text) is null &&
                ApplicationLabels.Recognise(token.Text, edition, null) is null && ApplicationLabels.Recognise(next.Text, edition, null) is null &&
                ApplicationLabels.Recognise(token.Text + next.Text, edition, null) is { Kind: ApplicationLabelKind.Row })
            {
                joined ??= [.. tokens.Take(i)];
                joined.Add(token with { Text = token.Text + next.Text });
                i++;
                continue;
            }

            joined?.Add(token);
        }

        return joined ?? tokens;
    }

    /// <summary>
    /// The printed rows that hold a row's worth of counts (six or more) and no label of the template: only
    /// fragments of wrapped labels ("行政机关不再处理其政") or nothing at all.
    /// </summary>
    internal static HashSet<int> BareValueRows(IReadOnlyList<TableToken> tokens, ReportEdition edition)
    {
        var rows = new HashSet<int>();
        var start = 0;
        while (start < tokens.Count)
        {
            var end = start;
            while (end < tokens.Count && tokens[end].RowIndex == tokens[start].RowIndex)
            {
                end++;
            }

            var numbers = 0;
            for (var i = start; i < end; i++)
            {
                numbers += tokens[i].Kind == TokenKind.Number ? 1 : 0;
            }

            var labelled = false;
            for (var i = start; i < end && !labelled && numbers >= 6; i++)
            {
                labelled = tokens[i].Kind == TokenKind.Text &&
                    (ApplicationLabels.ListNumber(tokens[i].Text) is not null || ApplicationLabels.Recognise(tokens[i].Text, edition, null) is not null);
            }

            if (!labelled && numbers >= 6)
            {
                rows.Add(tokens[start].RowIndex);
            }

            start = end;
        }

        return rows;
    }

    /// <summary>Every character table 三 prints of its own, by layout: its labels, header and corner note.</summary>
    private static readonly Dictionary<ReportEdition, HashSet<char>> TemplateCharacters = new[] { ReportEdition.Edition2019, ReportEdition.Edition2021 }
        .ToDictionary(e => e, e => ReportSchema.For(e).ApplicationRows.SelectMany(AndBeneath).SelectMany(r => r.Label)
            .Concat(ReportSchema.ApplicationsCornerNote).Concat(ReportSchema.ApplicantsHeader).Concat(ReportSchema.OrganisationsHeader)
            .Concat(ApplicantColumns.All.SelectMany(c => c.Label())).ToHashSet());

    private static IEnumerable<ApplicationRow> AndBeneath(ApplicationRow row) => row.Children.SelectMany(AndBeneath).Prepend(row);

    /// <summary>
    /// Pieces of the template's own words that narrow cells wrap onto lines of their own (a PDF, a Word table of narrow
    /// columns): the header (`自然人 商业企 科研机 社会公 法律服`), the corner note (`第二项之和，等于第三项加第四项之`),
    /// the ends of two labels side by side (`度办 的，只计这一情形，不计其他`). No list number and every character one the
    /// template prints in table 三: a piece of the printed form, not a cell left unplaced (GK4008).
    /// </summary>
    internal static bool IsTemplateFragment(string text, ReportEdition edition)
    {
        if (ApplicationLabels.ListNumber(text) is not null)
        {
            return false;
        }

        var characters = TemplateCharacters[edition];
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !characters.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cells (numbers and printed blanks) on each printed row of the table, by row index.</summary>
    internal static Dictionary<int, int> CellsPerRow(IReadOnlyList<TableToken> tokens)
    {
        var cells = new Dictionary<int, int>();
        foreach (var token in tokens)
        {
            cells[token.RowIndex] = cells.GetValueOrDefault(token.RowIndex) + (token.Kind == TokenKind.Text ? 0 : 1);
        }

        return cells;
    }

    /// <summary>
    /// A row's counts printed on two lines of a wrapped label: a PDF whose cells are centred beside a label of two
    /// lines can leave some of the row's counts on the label's first line and the rest on its second, after the
    /// label's last words (`5.属于三类内部事务 8` / `信息  0 0 0 1 0 9`). The second line's counts belong to the row
    /// when the row already holds some and the two lines together hold a row's seven exactly; a line of counts
    /// after a row that is complete, or that has none yet, is read as before.
    /// </summary>
    internal static bool CompletesRow(RowObservation? current, int rowIndex, Dictionary<int, int> cellsPerRow)
    {
        if (current is null || current.Label.RowIndex == rowIndex)
        {
            return false;
        }

        var held = 0;
        foreach (var value in current.Values)
        {
            held += value.Kind == TokenKind.Text ? 0 : 1;
        }

        return held > 0 && held + cellsPerRow.GetValueOrDefault(rowIndex) == 7;
    }

    /// <summary>
    /// A PDF converted to Markdown can print a table's labels and its rows of counts apart: the labels of
    /// some rows as lines before or after the table, their counts as rows with no label. When the rows left
    /// without counts and the rows of counts left without a label are as many, they are matched in order
    /// (both keep the printed order of the template), and said so.
    /// </summary>
    internal static void MatchStrayRows(Dictionary<string, RowObservation> observations, List<(List<TableToken> Values, RowObservation? Owner)> strayRows, List<Diagnostic> diagnostics)
    {
        if (strayRows.Count == 0)
        {
            return;
        }

        var orphans = observations.Values
            .Where(o => o.Values.Count(v => v.Kind == TokenKind.Number) < 3)
            .OrderBy(o => o.Label.Line).ThenBy(o => o.Label.Column)
            .ToList();
        if (orphans.Count != strayRows.Count)
        {
            // Not as many: each row goes to the label printed right above it, if any (the usual layout).
            foreach (var (values, owner) in strayRows)
            {
                owner?.Values.AddRange(values);
            }

            return;
        }

        var moved = false;
        for (var i = 0; i < orphans.Count; i++)
        {
            // By row, not by observation: a label wrapped so that its last line is a label again (6.属于四类 / 过程性信息) is
            // observed twice, and the row of counts between belongs to the same row either way.
            moved |= strayRows[i].Owner?.Key != orphans[i].Key;
            orphans[i].Values.Clear();
            orphans[i].Values.AddRange(strayRows[i].Values);
        }

        if (!moved)
        {
            return;
        }

        var first = orphans[0].Label;
        diagnostics.Add(DiagnosticCatalog.RowsMatchedByOrder.Create(
            DiagnosticLocation.At(first.Line, first.Column), orphans.Count,
            string.Join("、", orphans.Select(o => "“" + ApplicationsTableReader.Shorten(o.Label.Text) + "” " + string.Join(' ', o.Values.Select(v => v.Text.Length == 0 ? "空白" : v.Text))))));
    }
}
