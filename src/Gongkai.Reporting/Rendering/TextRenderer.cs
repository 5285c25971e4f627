using System.Text;
using Gongkai.Reporting.Rendering.Layout;

namespace Gongkai.Reporting.Rendering;

/// <summary>Plain text: headings and paragraphs as lines, tables tab-separated (as pasted from Word into a CMS).</summary>
public static class TextRenderer
{
    public static string Render(ReportDocument document)
    {
        var sb = new StringBuilder();
        sb.Append(document.Title).Append("\n\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append(h.Text).Append("\n\n");
                    break;
                case ParagraphBlock p:
                    sb.Append(p.Text.Replace('\t', ' ')).Append("\n\n");
                    break;
                case TableBlock t:
                    foreach (var row in t.Table.ToMatrix())
                    {
                        sb.AppendJoin('\t', row).Append('\n');
                    }

                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }
}
