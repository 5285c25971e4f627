using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.UseCases.Notices;

/// <summary>A notice as a Word document in the usual layout of official letters: 宋体 title, 仿宋 body, signature and date on the right.</summary>
public static class NoticeDocx
{
    public static byte[] Render(Notice notice)
    {
        using var buffer = new MemoryStream();
        using (var package = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new Body();
            body.Append(Line(notice.Title, "宋体", 44, JustificationValues.Center, bold: true));
            body.Append(Line(notice.Reference, "仿宋_GB2312", 28, JustificationValues.Right));
            body.Append(Line(notice.Addressee, "仿宋_GB2312", 32, JustificationValues.Left));
            foreach (var paragraph in notice.Paragraphs)
            {
                body.Append(Line(paragraph, "仿宋_GB2312", 32, JustificationValues.Both, indent: true));
            }

            body.Append(new Paragraph());
            body.Append(Line(notice.Agency, "仿宋_GB2312", 32, JustificationValues.Right));
            body.Append(Line(notice.Date, "仿宋_GB2312", 32, JustificationValues.Right));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    private static Paragraph Line(string text, string font, int halfPoints, JustificationValues justification, bool bold = false, bool indent = false)
    {
        // Schema order inside pPr: ind before jc.
        var properties = new ParagraphProperties();
        if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        properties.Append(new Justification { Val = justification });

        // Schema order inside rPr: rFonts, b, sz.
        var runProperties = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font });
        if (bold)
        {
            runProperties.Append(new Bold());
        }

        runProperties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        return new Paragraph(properties, new Run([runProperties, .. Gongkai.Reporting.Rendering.DocxText.Content(text)]));
    }
}
