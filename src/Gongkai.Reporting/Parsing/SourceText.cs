using Gongkai.Reporting.Parsing.Shapes;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The text of a report file as the importer saw it, line by line with the line numbers its diagnostics cite, so an
/// officer can check a reading against the source (the confirm page shows it beside the table).
/// </summary>
public static class SourceText
{
    /// <summary>The lines, or null with the reason when the file cannot be shown as text.</summary>
    public static IReadOnlyList<SourceLine>? Lines(byte[] bytes, out string problem)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        problem = string.Empty;
        switch (ReportFileReader.DetectBinaryShape(bytes))
        {
            case ReportShape.Pdf:
                return PdfShape.Lines(bytes, out problem);
            case ReportShape.Docx:
                try
                {
                    using (var stream = new MemoryStream(bytes, writable: false))
                    {
                        return DocxShape.Lines(stream);
                    }
                }
#pragma warning disable CA1031 // As in the reader: a corrupt .docx fails in many ways, all meaning "cannot show".
                catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    problem = ex.Message;
                    return null;
                }
        }

        if (DocShape.IsCompoundFile(bytes))
        {
            try
            {
                return DocShape.Lines(bytes);
            }
#pragma warning disable CA1031 // As in the reader.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                problem = ex.Message;
                return null;
            }
        }

        var text = TextDecoding.Decode(bytes, out problem);
        if (text is null)
        {
            return null;
        }

        return ReportFileReader.LooksLikeHtml(text) && !ReportFileReader.LooksLikeJson(text) ? HtmlShape.Lines(text) : TextShape.Lines(text);
    }
}
