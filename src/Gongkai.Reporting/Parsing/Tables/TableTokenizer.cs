using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Turns the lines of a table region into one stream of tokens, whatever the shape: tab-separated rows
/// (Word pasted into a CMS), Markdown pipe tables, one cell per line terminated by <c>|</c>, columns
/// aligned with runs of spaces (pdftotext -layout), or a table flattened into running text. A cell that
/// holds several numbers separated by spaces yields several tokens; an empty cell yields a blank token.
/// </summary>
public static partial class TableTokenizer
{
    /// <summary>Longer cells are pasted prose or junk, never a label or a count.</summary>
    private const int MaxCellLength = 4096;

    private static readonly HashSet<string> BlankMarkers = ["—", "——", "-", "--", "－", "－－", "/", "／", "无", "\\", "、", "─", "–"];

    public static List<TableToken> Tokenize(IEnumerable<SourceLine> lines, bool separateDigitsFromText)
    {
        var list = PipeLines.WithoutSeparators(lines as IReadOnlyList<SourceLine> ?? lines.ToList());
        var blankCells = BlankLineCells.Of(list);
        var tokens = new List<TableToken>();
        var rowIndex = 0;
        var blankRun = 0;
        string? previous = null;
        foreach (var line in list)
        {
            var text = line.Text;
            if (text.Trim().Length == 0)
            {
                blankRun++;
                continue;
            }

            if (blankCells is { } cells && tokens.Count > 0)
            {
                var (empties, endsRow) = cells.EmptiesIn(blankRun);
                var previousRow = tokens[^1].RowIndex;
                for (var k = 0; k < empties; k++)
                {
                    tokens.Add(new TableToken(TokenKind.Blank, string.Empty, line.Line, 1) { RowIndex = endsRow ? previousRow : rowIndex++ });
                }
            }

            blankRun = 0;

            if (SeparatorRowRegex().IsMatch(text))
            {
                continue;
            }

            // One cell per line, each closed by its pipe, empty cells as a pipe alone ("25 |" / "|" / "|" / "| 25 |"): the pipe
            // opening the line after a pipe alone closes one more empty cell, it does not open a Markdown row.
            var closesEmptyCell = previous == "|";
            previous = text.Trim();
            var rowStart = tokens.Count;
            foreach (var (field, column, explicitCell) in Fields(text, closesEmptyCell))
            {
                AddField(tokens, field, line.Line, column, explicitCell, separateDigitsFromText, rowIndex);
            }

            DropIndentation(tokens, rowStart);
            rowIndex++;
        }

        return tokens;
    }

    /// <summary>
    /// Blanks before the first text of a printed row indent it (merged label columns, a row started one
    /// column too far); they are not cells of that row, nor of the row above.
    /// </summary>
    private static void DropIndentation(List<TableToken> tokens, int rowStart)
    {
        var firstText = tokens.FindIndex(rowStart, t => t.Kind == TokenKind.Text);
        if (firstText > rowStart && tokens.Skip(rowStart).Take(firstText - rowStart).All(t => t.Kind == TokenKind.Blank))
        {
            tokens.RemoveRange(rowStart, firstText - rowStart);
        }
    }

    /// <summary>The cells of one line, with their 1-based start column; explicit cells can be blank.</summary>
    private static IEnumerable<(string Field, int Column, bool Explicit)> Fields(string text, bool closesEmptyCell = false)
    {
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            return Split(text, '\t', 0, text.Length);
        }

        if (text.Contains('|', StringComparison.Ordinal))
        {
            var start = 0;
            var end = text.Length;
            var trimmed = text.Trim();
            var pipes = trimmed.Count(c => c == '|');
            if (trimmed.StartsWith('|') && pipes >= 2)
            {
                // Markdown: | a | b | — the outer pipes open and close the row.
                start = text.IndexOf('|', StringComparison.Ordinal) + 1;
                var last = text.LastIndexOf('|');
                end = text[last..].Trim() == "|" ? last : text.Length;
                var cells = Split(text, '|', start, end);
                return closesEmptyCell && trimmed.Any(c => c != '|' && !char.IsWhiteSpace(c)) ? cells.Prepend((string.Empty, start, true)) : cells;
            }

            // One cell per line ("content |"): a pipe ends a cell; nothing after the last pipe is a cell.
            var fields = Split(text, '|', 0, text.Length).ToList();
            if (fields.Count > 1 && fields[^1].Field.Trim().Length == 0)
            {
                fields.RemoveAt(fields.Count - 1);
            }

            return fields;
        }

        // Columns aligned with spaces: blanks have vanished, so no cell is explicit. Each field's column is where it
        // stands (after the one before it), not where its text first occurs: "2" after "821" is not in "821".
        return SpaceAligned(text);
    }

    private static IEnumerable<(string Field, int Column, bool Explicit)> SpaceAligned(string text)
    {
        var from = 0;
        foreach (var field in SpaceRunRegex().Split(text))
        {
            if (field.Length == 0)
            {
                continue;
            }

            var at = text.IndexOf(field, from, StringComparison.Ordinal);
            from = at + field.Length;
            yield return (field, at + 1, false);
        }
    }

    private static IEnumerable<(string Field, int Column, bool Explicit)> Split(string text, char separator, int start, int end)
    {
        var position = start;
        while (position <= end)
        {
            var next = text.IndexOf(separator, position, end - position);
            var stop = next < 0 ? end : next;
            yield return (text[position..stop], position + 1, true);
            if (next < 0)
            {
                yield break;
            }

            position = next + 1;
        }
    }

    private static void AddField(List<TableToken> tokens, string field, int line, int column, bool explicitCell, bool separateDigits, int rowIndex)
    {
        for (var rest = AddFieldOnce(tokens, field, 0, line, column, explicitCell, separateDigits, rowIndex); rest is { } next;)
        {
            rest = AddFieldOnce(tokens, field, next.Start, line, next.Column, explicitCell: false, separateDigits, rowIndex);
        }
    }

    /// <summary>
    /// Reads <paramref name="text"/> from <paramref name="start"/>: one sentence of prose (then returns where the rest
    /// starts, read next by the caller's loop), or the cells of the rest. The rest is an offset into the same string, not a
    /// copy: a line of 25,000 sentences had allocated 6.6 GB in copies of what followed each one.
    /// </summary>
    private static (int Start, int Column)? AddFieldOnce(List<TableToken> tokens, string text, int start, int line, int column, bool explicitCell, bool separateDigits, int rowIndex)
    {
        var whole = text.AsSpan(start);
        var span = whole.Trim().Trim('*').Trim();
        if (span.Length == 0)
        {
            if (explicitCell)
            {
                tokens.Add(new TableToken(TokenKind.Blank, string.Empty, line, column) { RowIndex = rowIndex });
            }

            return null;
        }

        if (separateDigits && (SentenceRegex().IsMatch(span) || LeadingProse(span) || ProseAfterCells(span) >= 0))
        {
            // The text after a table, run into it on a page saved as one paragraph: "2025年，我局共收到…申请21件" cut off
            // from the table's last cell, or the last cells followed by the paragraph ("…总计10000100000000000我局严格规范…。").
            // A sentence (a full stop; no table label has one) is not cells: its year and counts are not the table's.
            var from = SentenceRegex().IsMatch(span) || LeadingProse(span) ? 0 : ProseAfterCells(span);
            if (from > 0)
            {
                AddField(tokens, span[..from].ToString(), line, column, explicitCell: false, separateDigits, rowIndex);
            }

            // The sentence ends at its full stop; what follows it on the line (a table's header and cells after a sentence
            // that opens the section: "2021年我局未有…有关况。 行政复议 … 0 0 0") is read as usual.
            var stop = span[from..].IndexOf('。');
            var to = stop < 0 ? span.Length : from + stop + 1;
            var sentence = span[from..to];
            tokens.Add(new TableToken(TokenKind.Text, sentence.Length > 200 ? string.Concat(sentence[..200], "…") : sentence.ToString(), line, column + from) { RowIndex = rowIndex });
            // What follows the sentence is read next by the caller's loop, not by a call per sentence: a section of
            // thousands of sentences must not run the stack out (a crafted file did, taking the process down).
            whole.Overlaps(span, out var lead);
            return to < span.Length ? (start + lead + to, column + to) : null;
        }

        var trimmed = span.ToString();
        if (trimmed.Length > MaxCellLength)
        {
            // No cell of the template is this long; keep a prefix to name it in a diagnostic.
            tokens.Add(new TableToken(TokenKind.Text, trimmed[..200] + "…", line, column) { RowIndex = rowIndex });
            return null;
        }

        var folded = ChineseText.Fold(trimmed);
        if (GenericHeaderRegex().IsMatch(folded))
        {
            // A converter's placeholder header (列1, 数据3, Column2) names a column, it is not the number 1 or 3.
            tokens.Add(new TableToken(TokenKind.Text, folded, line, column) { RowIndex = rowIndex });
            return null;
        }

        if (BlankMarkers.Contains(folded))
        {
            tokens.Add(new TableToken(TokenKind.Blank, trimmed, line, column) { RowIndex = rowIndex });
            return null;
        }

        if (separateDigits && DigitBesideOtherText(folded))
        {
            // Not between 本年增/减 written out and its number ("行政事业性收费16减12": 16 | 减12, read as −12).
            folded = ChangeInWordsApartRegex().Replace(CjkDigitBoundaryRegex().Replace(folded, " "), "${w}${n}");
        }

        var pending = new StringBuilder();
        var pendingColumn = column;
        foreach (var (pieceIndex, value) in Pieces(folded))
        {
            if (PrintedNumber.TryRead(value, out var number))
            {
                if (pending.Length > 0)
                {
                    tokens.Add(new TableToken(TokenKind.Text, pending.ToString(), line, pendingColumn) { RowIndex = rowIndex });
                    pending.Clear();
                }

                tokens.Add(new TableToken(TokenKind.Number, number, line, column + pieceIndex) { RowIndex = rowIndex });
            }
            else
            {
                // A list-numbered label ("3.要求…", "（五）…") starts a token of its own, even when a
                // wrapped fragment of the label before it stands on the same line ("（五 3.要求…").
                if (pending.Length > 0 && ListStartRegex().IsMatch(value))
                {
                    tokens.Add(new TableToken(TokenKind.Text, pending.ToString(), line, pendingColumn) { RowIndex = rowIndex });
                    pending.Clear();
                }

                if (pending.Length == 0)
                {
                    pendingColumn = column + pieceIndex;
                }
                else
                {
                    pending.Append(' ');
                }

                pending.Append(value);
            }
        }

        if (pending.Length > 0)
        {
            tokens.Add(new TableToken(TokenKind.Text, pending.ToString(), line, pendingColumn) { RowIndex = rowIndex });
        }

        return null;
    }

    /// <summary>A converter's placeholder column header: 列1, 数据3, Column2.</summary>
    /// <summary>
    /// Whether the field opens with a sentence of prose, up to its full stop: a summary before the table ("本年度共收到申请8件。
    /// 其中，予以公开2件，部分公开2件，…其他1件。") names rows and counts, but its numbers are the narrative's, not cells. A
    /// sentence opens with a word and ends with a full stop (no label of the format has one), and its numbers are counted things
    /// (8件, 2022年, 13,612) — not a table's digits run together ("0000000") or set apart by spaces ("0 0 0").
    /// </summary>
    private static bool LeadingProse(ReadOnlySpan<char> text)
    {
        var stop = text.IndexOf('。');
        if (stop < 8 || !(text[0] is >= '\u4e00' and <= '\u9fff'))
        {
            // Prose opens with a word; a field opening with a number is a cell, whatever follows it.
            return false;
        }

        var sentence = text[..stop].ToString();
        var uncounted = CountedRegex().Replace(sentence, "#");
        return !TableDigitsRegex().IsMatch(uncounted);
    }

    public static bool IsPlaceholderHeader(string text) => GenericHeaderRegex().IsMatch(text);

    [GeneratedRegex(@"^(列|数据|字段|栏目?|项目|Column|Col|Field|column|col|field)\s*\d{1,2}$")]
    private static partial Regex GenericHeaderRegex();

    [GeneratedRegex(@"^(\d{1,2}[.、]\D|[（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}、)")]
    private static partial Regex ListStartRegex();

    [GeneratedRegex(@"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")]
    private static partial Regex SeparatorRowRegex();

    [GeneratedRegex(@" {2,}|\u3000+")]
    private static partial Regex SpaceRunRegex();

    /// <summary>Whether <paramref name="text"/> holds a run of spaces that separates columns.</summary>
    internal static bool HasSpaceRun(string text) => SpaceRunRegex().IsMatch(text);

    /// <summary>
    /// The runs of non-white-space characters of <paramref name="text"/> with their offsets (what <c>\S+</c> matches: the
    /// regular expression's <c>\s</c> is <see cref="char.IsWhiteSpace(char)"/>), without a match object each.
    /// </summary>
    private static IEnumerable<(int Index, string Value)> Pieces(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                yield return (start, text[start..i]);
            }
        }
    }

    /// <summary>
    /// Whether a digit stands in <paramref name="text"/> beside anything but ASCII: only then can
    /// <see cref="CjkDigitBoundaryRegex"/> or <see cref="ChangeInWordsApartRegex"/> match (both need a digit, and a
    /// character beyond ASCII: an ideograph, a closing bracket or quote, 增/减). Most cells are digits alone or a label alone.
    /// </summary>
    private static bool DigitBesideOtherText(string text)
    {
        var digit = false;
        var other = false;
        foreach (var c in text)
        {
            digit |= char.IsDigit(c);
            other |= c > '\u007f';
            if (digit && other)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(19|20)\d{2}年(?!度)[，,]?[\u4e00-\u9fff]{2}")]
    private static partial Regex SentenceRegex();

    [GeneratedRegex(@"(?<=\d)(?<prose>[\u4e00-\u9fff][^。\d]{8,}。)")]
    private static partial Regex CellsThenProseRegex();

    /// <summary>Where the paragraph after a table's last cells starts (<see cref="CellsThenProseRegex"/>), or -1.</summary>
    private static int ProseAfterCells(ReadOnlySpan<char> text)
    {
        foreach (var m in CellsThenProseRegex().EnumerateMatches(text))
        {
            return m.Index;
        }

        return -1;
    }

    [GeneratedRegex(@"\d[\d,.]*\s*(个|件|项|笔|条|次|家|人|份|名|户|万|元|%|％|年|月|日|号|天|批|期|场|篇|余)")]
    private static partial Regex CountedRegex();

    [GeneratedRegex(@"\d{5,}|\d\s+\d")]
    private static partial Regex TableDigitsRegex();

    // Both boundaries zero-width: a count between two characters ("1个246900元") is cut on both sides; a
    // consuming match of one side would leave the other side uncut.
    [GeneratedRegex(@"(?<=[\p{IsCJKUnifiedIdeographs}）”】])(?=\d)|(?<=\d)(?=[\p{IsCJKUnifiedIdeographs}])(?![项笔])")]
    private static partial Regex CjkDigitBoundaryRegex();

    [GeneratedRegex(@"(?<=^|[\d\s])(?<w>增加|增|减少|减) (?<n>\d)")]
    private static partial Regex ChangeInWordsApartRegex();
}
