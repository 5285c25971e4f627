using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Reporting.Rendering.Layout;

namespace Gongkai.Reporting.Rendering;

/// <summary>
/// Word .docx through DocumentFormat.OpenXml: A4, the fonts of official documents (仿宋 body, 黑体
/// headings, 宋体 tables), and tables whose merged cells use gridSpan / vMerge so that Word and WPS
/// show the template's header structure and officials can edit it.
/// </summary>
public static class DocxRenderer
{
    private const string BodyFont = "仿宋_GB2312";
    private const string HeadingFont = "黑体";
    private const string TableFont = "宋体";
    private const int A4Width = 11906;
    private const int A4Height = 16838;
    private const int Margin = 1440;

    public static void Render(ReportDocument document, Stream output)
    {
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            main.Document = BuildDocument(document);
            main.Document.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>The main document part's XML, without the packaging (golden tests compare this).</summary>
    public static string DocumentXml(ReportDocument document) => BuildDocument(document).OuterXml;

    private static Document BuildDocument(ReportDocument document)
    {
        var body = new Body();
        body.Append(Paragraph(document.Title, TableFont, 44, bold: true, JustificationValues.Center, indent: false));
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    body.Append(Paragraph(h.Text, HeadingFont, 32, bold: false, JustificationValues.Left, indent: true));
                    break;
                case ParagraphBlock p:
                    body.Append(Paragraph(p.Text, BodyFont, 32, bold: false, JustificationValues.Both, indent: true));
                    break;
                case TableBlock t:
                    body.Append(Table(t.Table));
                    body.Append(new Paragraph());
                    break;
            }
        }

        body.Append(new SectionProperties(
            new PageSize { Width = (UInt32Value)(uint)A4Width, Height = (UInt32Value)(uint)A4Height },
            new PageMargin
            {
                Top = Margin,
                Bottom = Margin,
                Left = (UInt32Value)(uint)Margin,
                Right = (UInt32Value)(uint)Margin,
                Header = (UInt32Value)720U,
                Footer = (UInt32Value)720U,
                Gutter = (UInt32Value)0U,
            }));
        return new Document(body);
    }

    private static Paragraph Paragraph(string text, string font, int halfPoints, bool bold, JustificationValues justification, bool indent)
    {
        // Children in the schema's order (w:ind before w:jc): Word repairs documents that break it.
        var properties = new ParagraphProperties();
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        properties.Append(new Justification { Val = justification });

        return new Paragraph(properties, Run(text, font, halfPoints, bold));
    }

    private static Run Run(string text, string font, int halfPoints, bool bold)
    {
        // Schema order: w:rFonts, w:b, w:sz.
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        return new Run([runProperties, .. DocxText.Content(text)]);
    }

    private static Table Table(GridTable grid)
    {
        const int TableWidth = A4Width - (2 * Margin);
        var table = new Table();
        table.Append(new TableProperties(
            new TableWidth { Width = TableWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        var widths = grid.ColumnWidths(TableWidth);
        var columns = new TableGrid();
        foreach (var width in widths)
        {
            columns.Append(new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        table.Append(columns);
        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < grid.ColumnCount;)
            {
                var (cell, isOrigin, originRow, originColumn) = grid.Placement[r, c];
                if (originColumn != c)
                {
                    c++;
                    continue;
                }

                // Schema order: w:tcW, w:gridSpan, w:vMerge, w:vAlign.
                var properties = new TableCellProperties(
                    new TableCellWidth { Width = widths.Skip(c).Take(cell.ColSpan).Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
                if (cell.ColSpan > 1)
                {
                    properties.Append(new GridSpan { Val = cell.ColSpan });
                }

                if (cell.RowSpan > 1)
                {
                    properties.Append(new VerticalMerge { Val = isOrigin ? MergedCellValues.Restart : MergedCellValues.Continue });
                }

                properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

                var text = isOrigin && originRow == r ? cell.Text : string.Empty;
                var alignment = cell.Role == CellRole.Label ? JustificationValues.Left : JustificationValues.Center;
                row.Append(new TableCell(
                    properties,
                    new Paragraph(
                        new ParagraphProperties(new Justification { Val = alignment }),
                        Run(text, TableFont, 18, bold: cell.Role == CellRole.Header))));
                c += cell.ColSpan;
            }

            table.Append(row);
        }

        return table;
    }
}
