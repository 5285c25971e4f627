using System.Text;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Parsing.Shapes;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Text of an attachment for the full-text search: PDF through <c>pdftotext</c> (poppler) when it is installed,
/// DOCX through OpenXml, plain text and HTML as text. Other formats (OFD, images…) give no text; the file is still kept.
/// The importer's limits hold here too: pdftotext is killed after its time limit and its output read only up to
/// <see cref="MaxChars"/>; a .docx that would unpack past the importer's limits (a zip bomb) or nests past its depth is not opened; text files
/// are decoded as the importer decodes them (UTF-8, UTF-16, GB18030/GBK — many agencies' files are GBK).
/// </summary>
public static class TextExtraction
{
    public const int MaxChars = 2_000_000;

    public static string Extract(byte[] content, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            var text = ext switch
            {
                ".pdf" => Pdf(content),
                ".docx" => Docx(content),
                ".txt" or ".md" or ".csv" => Decoded(content),
                ".html" or ".htm" => System.Text.RegularExpressions.Regex.Replace(Decoded(content), "<[^>]+>", " "),
                _ => string.Empty,
            };
            // NUL is no character of any text these formats hold, and PostgreSQL refuses it in a text column (22021).
            text = text.Replace("\0", string.Empty, StringComparison.Ordinal);
            // Never cut inside a surrogate pair: a lone half is refused by PostgreSQL.
            return text.Length <= MaxChars ? text : char.IsHighSurrogate(text[MaxChars - 1]) ? text[..(MaxChars - 1)] : text[..MaxChars];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A damaged file is kept but not searchable; the upload still succeeds. Any exception, as the importer reads files:
            // OpenXml alone throws InvalidOperationException, ArgumentException, OpenXmlPackageException, XmlException… on
            // damaged packages (a narrower list let them through as a 500, the file stored with no row).
            return string.Empty;
        }
    }

    private static string Decoded(byte[] content) => TextDecoding.Decode(content, out _, out _) ?? string.Empty;

    private static string Docx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        // As the importer opens it: a zip bomb or a body nested thousands deep is refused (InvalidDataException) unopened.
        using var doc = DocxShape.OpenChecked(stream);
        var body = doc.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var p in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            sb.AppendLine(p.InnerText);
        }

        return sb.ToString();
    }

    private static string Pdf(byte[] content) => PdfShape.PlainText(content, MaxChars, out _) ?? string.Empty;
}
