using System.Text;

namespace Gongkai.Testing;

/// <summary>
/// What crawlers, spreadsheet exports and PDF converters leave of a report, as text transformations of
/// a report printed as lines (tables tab-separated, Markdown pipe rows, or one cell per line ending in
/// <c>|</c>). Deterministic: the same input gives the same output.
/// </summary>
public static class Degrade
{
    /// <summary>Every shape, by name.</summary>
    public static IReadOnlyDictionary<string, Func<string, string>> Shapes { get; } = new Dictionary<string, Func<string, string>>
    {
        ["one-line"] = OneLine,
        ["run-together"] = RunTogether,
        ["bare-cr"] = BareCr,
        ["mixed-breaks"] = MixedLineBreaks,
        ["blank-cells-dropped"] = BlankCellsDropped,
        ["zero-cells-dropped"] = ZeroCellsDropped,
        ["crawler-wrapper"] = CrawlerWrapper,
        ["cells-one-per-line"] = CellsOnePerLine,
        ["pdf-reading-order"] = PdfReadingOrder,
    };

    /// <summary>The page text saved as one paragraph: no line break, cells separated by one space, empty cells gone.</summary>
    public static string OneLine(string text) => Join(text, (_, _) => " ");

    /// <summary>As <see cref="OneLine"/>, but cells follow one another with no separator, a space only now and then.</summary>
    public static string RunTogether(string text)
    {
        var random = new Random(text.Length);
        return Join(text, (_, _) => random.Next(6) == 0 ? " " : string.Empty);
    }

    /// <summary>Line breaks as bare CR (old Mac exports, some crawlers).</summary>
    public static string BareCr(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\n', '\r');

    /// <summary>CR LF and LF mixed in one file (pieces pasted from different sources).</summary>
    public static string MixedLineBreaks(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            sb.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                sb.Append(i % 3 == 0 ? "\r\n" : "\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>A spreadsheet export that kept only non-empty cells: column positions are lost.</summary>
    public static string BlankCellsDropped(string text) => string.Join('\n', Lines(text).Select(line =>
        Cells(line) is { } cells ? string.Join('\t', cells.Where(c => c.Length > 0)) : line));

    /// <summary>
    /// A spreadsheet that leaves zero cells empty, exported with only its non-empty cells: a row of table 三
    /// prints "2 2" for 自然人 2 and 总计 2. A blank read back where the original had 0 is the same figure.
    /// </summary>
    public static string ZeroCellsDropped(string text) => BlankCellsDropped(string.Join('\n', Lines(text).Select(line =>
        Cells(line) is { Length: > 0 } cells ? string.Join('\t', cells.Select(c => c == "0" ? string.Empty : c)) : line)));

    /// <summary>The body inside what a crawler saved of the page: metadata lines, site chrome, footer.</summary>
    public static string CrawlerWrapper(string text) =>
        "标题: 政府信息公开工作年度报告\n发布时间: 2022-01-25 16:30:12\n原文链接: http://www.example.gov.cn/zwgk/ndbg/202201/t20220125_123456.html\n栏目: 政府信息公开年报\n\n" +
        "当前位置：首页 > 政务公开 > 政府信息公开年报 > 正文\n字号：大 中 小 打印本页 关闭窗口\n\n" +
        text.TrimEnd() +
        "\n\n【打印本页】【关闭窗口】\n主办单位：某某市人民政府办公室 承办单位：某某市大数据中心\n网站标识码：1234000001 京ICP备12345678号 京公网安备 11010502030000号\n";

    /// <summary>
    /// Cells one per line, three blank lines between cells, five between rows, and an empty line for an
    /// empty cell (a page copied from a browser whose cells hold paragraphs).
    /// </summary>
    public static string CellsOnePerLine(string text)
    {
        var sb = new StringBuilder();
        foreach (var line in Lines(text))
        {
            if (Cells(line) is not { } cells)
            {
                sb.Append(line).Append('\n');
                continue;
            }

            var first = Array.FindIndex(cells, c => c.Length > 0);
            if (first < 0)
            {
                continue;
            }

            sb.Append("\n\n\n\n");
            sb.AppendJoin("\n\n\n\n", cells.Skip(first));
            sb.Append("\n\n\n\n\n\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// pdftotext without -layout: one value per line, empty cells gone, each row's label after its numbers
    /// (a label cell centred over wrapped lines comes later in reading order), page breaks with page numbers
    /// between the rows of a table.
    /// </summary>
    public static string PdfReadingOrder(string text)
    {
        var sb = new StringBuilder();
        var page = 1;
        var rows = 0;
        foreach (var line in Lines(text))
        {
            if (Cells(line) is not { } cells)
            {
                if (line.Length > 0)
                {
                    sb.Append(line).Append("\n\n");
                }

                continue;
            }

            var present = cells.Where(c => c.Length > 0).ToArray();
            if (present.Length == 0)
            {
                continue;
            }

            var label = present.TakeWhile(c => !IsNumber(c)).ToArray();
            var values = present.Skip(label.Length).ToArray();
            foreach (var cell in values.Length > 0 ? values.Concat(label) : label)
            {
                sb.Append(cell).Append('\n');
            }

            if (++rows % 9 == 0)
            {
                sb.Append("\n- ").Append(page++).Append(" -\n\f");
            }
        }

        return sb.ToString();
    }

    private static bool IsNumber(string cell) => cell.Length > 0 && cell.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or ',');

    private static string Join(string text, Func<int, int, string> separator)
    {
        var sb = new StringBuilder();
        var row = 0;
        foreach (var line in Lines(text))
        {
            if (Cells(line) is { } cells)
            {
                var present = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
                for (var i = 0; i < present.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(separator(row, i));
                    }

                    sb.Append(present[i]);
                }

                row++;
            }
            else
            {
                sb.Append(line.Trim());
            }
        }

        return sb.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    /// <summary>The cells of a table line, or null for prose. A Markdown separator row has no cells.</summary>
    private static string[]? Cells(string line)
    {
        if (line.Contains('\t', StringComparison.Ordinal))
        {
            return line.Split('\t').Select(c => c.Trim()).ToArray();
        }

        var trimmed = line.Trim();
        if (trimmed.StartsWith('|') && trimmed.Count(c => c == '|') >= 2)
        {
            var inner = trimmed.Trim('|');
            return inner.All(c => c is '-' or ':' or '|' or ' ') ? [] : inner.Split('|').Select(c => c.Trim().Trim('*').Trim()).ToArray();
        }

        if (trimmed.EndsWith('|'))
        {
            return trimmed[..^1].Split('|').Select(c => c.Trim()).ToArray();
        }

        return null;
    }
}
