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
            moved |= strayRows[i].Owner != orphans[i];
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
