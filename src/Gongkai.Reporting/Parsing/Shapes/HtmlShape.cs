using System.Net;
using System.Text;
using HtmlAgilityPack;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// HTML as government sites serve it: the report inside navigation chrome, tables with rowspan/colspan
/// and nested layout tables, &lt;br&gt; inside cells, &amp;nbsp;. Block elements become lines; each
/// table row becomes one line of tab-separated cells (a merged cell once, where it starts); a table
/// nested in a cell is read as rows of its own. Navigation, headers, footers and scripts are dropped.
/// </summary>
public static partial class HtmlShape
{
    private static readonly HashSet<string> Dropped = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select", "button", "iframe", "svg", "head"];
    private static readonly string[] ChromeMarkers = ["nav", "menu", "footer", "header", "breadcrumb", "sidebar", "share", "topbar", "banner"];
    private static readonly HashSet<string> Blocks =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "main", "blockquote", "pre",
        "center", "dd", "dt", "ul", "ol", "body", "html",
    ];

    public static List<SourceLine> Lines(string html)
    {
        var doc = new HtmlDocument { OptionMaxNestedChildNodes = 512 };
        try
        {
            doc.LoadHtml(html);
        }
#pragma warning disable CA1031 // HtmlAgilityPack refuses tags nested deeper than the limit with a plain Exception.
        catch (Exception ex) when (ex.Message.Contains("nested", StringComparison.OrdinalIgnoreCase))
#pragma warning restore CA1031
        {
            // Markup nested deeper than any page (a crafted file; a parse of it would recurse that deep): its text is read
            // with the tags taken out, each tag a line break, rather than the file refused or the parser's error escaping.
            return TextShape.Lines(System.Net.WebUtility.HtmlDecode(AnyTagRegex().Replace(html, "\n")));
        }

        var lines = new List<SourceLine>();
        var current = new StringBuilder();
        var currentLine = 1;
        Walk(doc.DocumentNode, lines, current, ref currentLine);
        Flush(lines, current, currentLine);
        if (PageTitle(doc) is { } title)
        {
            // As a PDF's metadata title: line 0, used for the agency or year only where the page's body names none.
            lines.Insert(0, new SourceLine(title, 0));
        }

        return lines;
    }

    /// <summary>
    /// The report's title from the page's &lt;title&gt;, without the site's name set off by _ | - or a space
    /// ("某局2023年政府信息公开工作年度报告_某市人民政府门户网站"); null when no part of it is a report's title.
    /// </summary>
    private static string? PageTitle(HtmlDocument doc)
    {
        var title = doc.DocumentNode.Descendants("title").FirstOrDefault();
        if (title is null)
        {
            return null;
        }

        return Clean(title.InnerText).Split(TitleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(part => part.Contains("信息公开", StringComparison.Ordinal) && (part.Contains("报告", StringComparison.Ordinal) || part.Contains("年报", StringComparison.Ordinal)));
    }

    private static readonly string[] TitleSeparators = ["_", "|", "｜", " - ", "-", "—", "–", "  ", " > ", ">", "＞", "»"];

    private static void Walk(HtmlNode node, List<SourceLine> lines, StringBuilder current, ref int currentLine)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child.NodeType)
            {
                case HtmlNodeType.Text:
                    var text = Clean(((HtmlTextNode)child).Text);
                    if (text.Trim().Length > 0)
                    {
                        if (current.Length == 0)
                        {
                            currentLine = child.Line;
                        }

                        current.Append(text);
                    }

                    break;
                case HtmlNodeType.Element:
                    var name = child.Name.ToLowerInvariant();
                    if (Dropped.Contains(name) || IsChrome(child))
                    {
                        continue;
                    }

                    if (name == "table")
                    {
                        Flush(lines, current, currentLine);
                        Table(child, lines);
                    }
                    else if (name == "br")
                    {
                        Flush(lines, current, currentLine);
                    }
                    else if (name == "td" || name == "th" || name == "tr")
                    {
                        // A stray cell outside a table: read its text as a block.
                        Flush(lines, current, currentLine);
                        Walk(child, lines, current, ref currentLine);
                        Flush(lines, current, currentLine);
                    }
                    else if (Blocks.Contains(name))
                    {
                        Flush(lines, current, currentLine);
                        Walk(child, lines, current, ref currentLine);
                        Flush(lines, current, currentLine);
                    }
                    else
                    {
                        Walk(child, lines, current, ref currentLine);
                    }

                    break;
            }
        }
    }

    private static void Table(HtmlNode table, List<SourceLine> lines)
    {
        foreach (var row in Rows(table))
        {
            var cells = new List<string>();
            var nested = false;
            foreach (var cell in row.ChildNodes.Where(n => n.Name is "td" or "th"))
            {
                if (HoldsTable(cell))
                {
                    // A layout table: its rows stand on their own.
                    nested = true;
                    if (cells.Count > 0)
                    {
                        lines.Add(new SourceLine(string.Join('\t', cells), row.Line));
                        cells.Clear();
                    }

                    var before = new List<SourceLine>();
                    var sb = new StringBuilder();
                    var line = cell.Line;
                    Walk(cell, before, sb, ref line);
                    Flush(before, sb, line);
                    lines.AddRange(before);
                    continue;
                }

                cells.Add(CellText(cell));
            }

            if (cells.Count > 0 && !(nested && cells.All(string.IsNullOrWhiteSpace)))
            {
                lines.Add(new SourceLine(string.Join('\t', cells), row.Line));
            }
        }
    }

    private static IEnumerable<HtmlNode> Rows(HtmlNode table)
    {
        foreach (var child in table.ChildNodes)
        {
            if (child.Name == "tr")
            {
                yield return child;
            }
            else if (child.Name is "tbody" or "thead" or "tfoot")
            {
                foreach (var row in child.ChildNodes.Where(n => n.Name == "tr"))
                {
                    yield return row;
                }
            }
        }
    }

    private static string CellText(HtmlNode cell)
    {
        var sb = new StringBuilder();
        AppendCellText(cell, sb);
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>
    /// The text of <paramref name="node"/> and its descendants in document order (as <c>DescendantsAndSelf</c> lists
    /// them, without an iterator per level): text outside dropped elements, a space for a line break or block.
    /// </summary>
    private static void AppendCellText(HtmlNode node, StringBuilder sb)
    {
        if (node.NodeType == HtmlNodeType.Text && !Dropped.Contains(node.ParentNode?.Name ?? string.Empty))
        {
            sb.Append(Clean(((HtmlTextNode)node).Text));
        }
        else if (node.Name is "br" or "p" or "div")
        {
            sb.Append(' ');
        }

        foreach (var child in node.ChildNodes)
        {
            AppendCellText(child, sb);
        }
    }

    /// <summary>Whether a table stands anywhere inside <paramref name="node"/> (a layout table's cell).</summary>
    private static bool HoldsTable(HtmlNode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.Name == "table" || HoldsTable(child))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsChrome(HtmlNode node)
    {
        var classes = node.GetAttributeValue("class", string.Empty);
        var id = node.GetAttributeValue("id", string.Empty);
        if (classes.Length == 0 && id.Length == 0)
        {
            // Most elements carry neither: nothing to join and lower-case.
            return false;
        }

        var marker = (classes + " " + id).ToLowerInvariant();
        return ChromeMarkers.Any(m => marker.Contains(m, StringComparison.Ordinal));
    }

    private static string Clean(string raw) =>
        WebUtility.HtmlDecode(raw).Replace('\u00A0', ' ').Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    private static void Flush(List<SourceLine> lines, StringBuilder current, int line)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            lines.Add(new SourceLine(text, line));
        }

        current.Clear();
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex AnyTagRegex();
}
