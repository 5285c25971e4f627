using System.Text;
using Gongkai.Reporting.Rendering.Layout;

namespace Gongkai.Reporting.Rendering;

/// <summary>
/// Markdown with pipe tables. Pipe tables cannot merge cells: a merged cell's text stands at its
/// top-left position and the positions it covers are blank, as in a flattened Word table.
/// </summary>
public static class MarkdownRenderer
{
    public static string Render(ReportDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(document.Title).Append("\n\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append("## ").Append(h.Text).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    sb.Append(Escape(p.Text)).Append("\n\n");
                    break;
                case TableBlock t:
                    AppendTable(sb, t.Table);
                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    private static void AppendTable(StringBuilder sb, GridTable table)
    {
        var matrix = table.ToMatrix();
        for (var r = 0; r < matrix.Length; r++)
        {
            sb.Append('|');
            foreach (var cell in matrix[r])
            {
                sb.Append(' ').Append(cell.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
            }

            sb.Append('\n');
            if (r == 0)
            {
                sb.Append('|');
                for (var c = 0; c < table.ColumnCount; c++)
                {
                    sb.Append(" --- |");
                }

                sb.Append('\n');
            }
        }
    }

    /// <summary>Keeps narrative text from turning into Markdown structure (a line starting with # or |).</summary>
    private static string Escape(string text) =>
        text.Length > 0 && text[0] is '#' or '|' or '>' or '-' or '*' or '+' ? "\\" + text : text;
}
