using System.Text;
using Gongkai.Reporting.Rendering.Layout;

namespace Gongkai.Reporting.Rendering;

/// <summary>
/// A standalone, printable HTML page (A4) whose tables carry the template's merged header cells via
/// rowspan/colspan. No scripts, no external resources.
/// </summary>
public static class HtmlRenderer
{
    private const string Style = """
        @page { size: A4; margin: 25mm 20mm; }
        body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "Songti SC", serif; font-size: 16px; line-height: 1.8; max-width: 960px; margin: 0 auto; padding: 1em; color: #000; }
        h1 { font-family: "SimSun", "宋体", serif; font-size: 24px; text-align: center; margin: 1em 0; }
        h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 18px; margin: 1.2em 0 .6em; }
        p { text-indent: 2em; margin: .4em 0; }
        table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: 13px; line-height: 1.4; page-break-inside: auto; }
        th, td { border: 1px solid #000; padding: 4px 6px; text-align: center; vertical-align: middle; }
        td.label { text-align: left; }
        tr { page-break-inside: avoid; }
        """;

    public static string Render(ReportDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(Encode(document.Title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        AppendBody(sb, document);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The report's content (title, headings, paragraphs, tables) without the page around it, for embedding in another page.</summary>
    public static string RenderBody(ReportDocument document)
    {
        var sb = new StringBuilder();
        AppendBody(sb, document);
        return sb.ToString();
    }

    private static void AppendBody(StringBuilder sb, ReportDocument document)
    {
        sb.Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append("<h2>").Append(Encode(h.Text)).Append("</h2>\n");
                    break;
                case ParagraphBlock p:
                    sb.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case TableBlock t:
                    AppendTable(sb, t);
                    break;
            }
        }
    }

    private static void AppendTable(StringBuilder sb, TableBlock block)
    {
        sb.Append("<table data-table=\"").Append(block.Name).Append("\">\n<colgroup>");
        foreach (var width in block.Table.ColumnWidths(1000))
        {
            sb.Append("<col style=\"width:").Append((width / 10.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Append("%\">");
        }

        sb.Append("</colgroup>\n");
        foreach (var row in block.Table.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                var tag = cell.Role == CellRole.Header ? "th" : "td";
                sb.Append('<').Append(tag);
                if (cell.Role == CellRole.Label)
                {
                    sb.Append(" class=\"label\"");
                }

                if (cell.RowSpan > 1)
                {
                    sb.Append(" rowspan=\"").Append(cell.RowSpan).Append('"');
                }

                if (cell.ColSpan > 1)
                {
                    sb.Append(" colspan=\"").Append(cell.ColSpan).Append('"');
                }

                sb.Append('>').Append(Encode(cell.Text)).Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '"': sb.Append("&quot;"); break;
                default: sb.Append(ch); break;
            }
        }

        return sb.ToString();
    }
}
