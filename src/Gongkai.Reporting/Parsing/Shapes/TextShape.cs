using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// Plain text and Markdown: one source line per line, whatever ends it (LF, CR LF, a bare CR, or a mix
/// of them). A form feed is a page break (pdftotext): the page number printed next to it is dropped.
/// </summary>
public static partial class TextShape
{
    public static List<SourceLine> Lines(string text)
    {
        var lines = new List<SourceLine>();
        var number = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r'))
            {
                continue;
            }

            lines.Add(new SourceLine(text[start..i], number++));
            if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        if (text.Contains('\f', StringComparison.Ordinal))
        {
            return WithoutPageBreaks(WithoutRepeatedPageEdges(WithoutBrowserPrintMargins(lines)));
        }

        // A converter that drops the page breaks (PDF to Markdown, OCR) keeps the printed page footer as a line
        // of its own, often inside a table that runs across the page. Only a decorated number ("— 4 —",
        // "第 4 页") is taken for one: a bare number on its own line can be a cell.
        return lines.Any(l => DecoratedPageNumberRegex().IsMatch(l.Text)) ? lines.Where(l => !DecoratedPageNumberRegex().IsMatch(l.Text)).ToList() : lines;
    }

    /// <summary>
    /// A page printed from a browser and converted back to text keeps the browser's margins on every page: a header of
    /// the date and time before the page's title ("12/1/26, 12:23 AM    某局2023年…年度报告": the title is kept) and a
    /// footer of the address and page ("https://…/t2024.html    3/5": dropped). Without -layout pdftotext prints the
    /// pieces of a margin on lines of their own — the address, then the page ("3/5"); the date and time alone — and those
    /// lines go too.
    /// </summary>
    private static List<SourceLine> WithoutBrowserPrintMargins(List<SourceLine> lines)
    {
        var result = new List<SourceLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var margin = BrowserFooterRegex().IsMatch(l.Text) || BrowserStampRegex().IsMatch(l.Text) || BrowserAddressRegex().IsMatch(l.Text) ||
                (i > 0 && BrowserAddressRegex().IsMatch(lines[i - 1].Text) && PageOfPagesRegex().IsMatch(l.Text));
            result.Add(margin ? l with { Text = l.Text.Contains('\f', StringComparison.Ordinal) ? "\f" : string.Empty }
                : BrowserHeaderRegex().Match(l.Text) is { Success: true } header ? l with { Text = l.Text.Remove(header.Groups["stamp"].Index, header.Groups["stamp"].Length) } : l);
        }

        return result;
    }

    [GeneratedRegex(@"^\f?\s*(file|https?)://\S+\s*$")]
    private static partial Regex BrowserAddressRegex();

    [GeneratedRegex(@"^\f?\s*\d{1,4}\s*/\s*\d{1,4}\s*$")]
    private static partial Regex PageOfPagesRegex();

    [GeneratedRegex(@"^\f?\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(\s*[AaPp][Mm])?\s*$")]
    private static partial Regex BrowserStampRegex();

    /// <summary>
    /// A line printed at the edge of most pages (a running title, the browser's print header with the report's title) is
    /// the page's furniture, as the PDF reader drops it (<see cref="PdfShape.WithoutPageFurniture"/>): after the first
    /// page it is dropped, so that a table running across a page break does not take the title's year for a cell. The
    /// first page keeps it (it may be the only title the text has).
    /// </summary>
    private static List<SourceLine> WithoutRepeatedPageEdges(List<SourceLine> lines)
    {
        var pages = new List<List<int>>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (pages.Count == 0 || lines[i].Text.Contains('\f', StringComparison.Ordinal))
            {
                pages.Add([]);
            }

            if (lines[i].Text.Trim().Length > 0)
            {
                pages[^1].Add(i);
            }
        }

        var edges = pages.Select(p => p.Take(2).Concat(p.TakeLast(2)).Distinct().ToArray()).ToArray();
        var repeated = PdfShape.RepeatedAtEdges(edges.Select(e => e.Select(i => lines[i].Text)).ToList());
        if (repeated.Count == 0)
        {
            return lines;
        }

        var result = lines.ToList();
        foreach (var i in edges.Skip(1).SelectMany(e => e).Where(i => repeated.Contains(PdfShape.FurnitureKey(lines[i].Text))))
        {
            result[i] = lines[i] with { Text = lines[i].Text.Contains('\f', StringComparison.Ordinal) ? "\f" : string.Empty };
        }

        return result;
    }

    [GeneratedRegex(@"^\f?\s*(file|https?)://\S+\s+\d{1,4}\s*/\s*\d{1,4}\s*$")]
    private static partial Regex BrowserFooterRegex();

    [GeneratedRegex(@"^\f?(?<stamp>\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}:\d{2}(\s*[AaPp][Mm])?\s+)\S")]
    private static partial Regex BrowserHeaderRegex();

    /// <summary>
    /// Page numbers ("3", "- 3 -", "第 3 页", "第3页 共10页") on the lines around a form feed are the
    /// page's footer or header, not cells of a table that runs across the page break.
    /// </summary>
    private static List<SourceLine> WithoutPageBreaks(List<SourceLine> lines)
    {
        var drop = new HashSet<int>();
        var page = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].Text.Contains('\f', StringComparison.Ordinal))
            {
                continue;
            }

            page++;

            var before = lines[i].Text[..lines[i].Text.IndexOf('\f', StringComparison.Ordinal)];
            var after = lines[i].Text[(lines[i].Text.LastIndexOf('\f') + 1)..];
            lines[i] = lines[i] with { Text = IsPageNumber(after, page + 1) && PageFooterWordsRegex().IsMatch(after) ? string.Empty : after };
            if (before.Trim().Length > 0 && !IsPageNumber(before, page))
            {
                lines.Insert(i, new SourceLine(before, lines[i].Line));
                i++;
            }

            for (var j = i - 1; j >= 0 && j >= i - 3; j--)
            {
                if (lines[j].Text.Trim().Length == 0)
                {
                    continue;
                }

                if (IsPageNumber(lines[j].Text, page))
                {
                    // The page's footer and the space that set it off from the body: neither is a cell.
                    for (var k = j; k < i; k++)
                    {
                        drop.Add(k);
                    }

                    for (var k = j - 1; k >= 0 && k >= j - 2 && lines[k].Text.Trim().Length == 0; k--)
                    {
                        drop.Add(k);
                    }
                }

                break;
            }

            for (var j = i + 1; j < lines.Count && j <= i + 3; j++)
            {
                if (lines[j].Text.Trim().Length == 0)
                {
                    continue;
                }

                if (IsPageNumber(lines[j].Text, page + 1) && PageFooterWordsRegex().IsMatch(lines[j].Text))
                {
                    drop.Add(j);
                }

                break;
            }
        }

        return lines.Where((_, i) => !drop.Contains(i)).ToList();
    }

    /// <summary>A decorated page number ("- 3 -", "第3页"), or a bare number only when it is this page's number.</summary>
    private static bool IsPageNumber(string text, int page)
    {
        var m = PageNumberRegex().Match(text);
        return m.Success && (PageFooterWordsRegex().IsMatch(text) || m.Groups["n"].Value == page.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\s*([-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|(?<n>\d{1,4}))\s*$")]
    private static partial Regex PageNumberRegex();

    [GeneratedRegex(@"^\s*([-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$")]
    private static partial Regex DecoratedPageNumberRegex();

    [GeneratedRegex(@"[-—–页/]")]
    private static partial Regex PageFooterWordsRegex();
}
