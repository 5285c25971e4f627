using System.Diagnostics;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Text of an attachment for the full-text search: PDF through <c>pdftotext</c> (poppler) when it is installed,
/// DOCX through OpenXml, plain text and HTML as text. Other formats (OFD, images…) give no text; the file is still kept.
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
                ".txt" or ".md" or ".csv" => Encoding.UTF8.GetString(content),
                ".html" or ".htm" => System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(content), "<[^>]+>", " "),
                _ => string.Empty,
            };
            return text.Length > MaxChars ? text[..MaxChars] : text;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or OpenXmlPackageException or System.Xml.XmlException or System.ComponentModel.Win32Exception)
        {
            // A damaged file is kept but not searchable; the upload still succeeds.
            return string.Empty;
        }
    }

    private static string Docx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var doc = WordprocessingDocument.Open(stream, false);
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

    private static string Pdf(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), "gongkai-" + Guid.NewGuid().ToString("N") + ".pdf");
        File.WriteAllBytes(path, content);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return string.Empty;
            }

            var errors = process.StandardError.ReadToEndAsync();
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit(30_000);
            _ = errors.Result;
            return process.ExitCode == 0 ? text : string.Empty;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
