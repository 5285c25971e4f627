using Gongkai.Domain.Diagnostics;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing.Shapes;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The one entry point that reads a report file of any supported shape — canonical JSON, plain text,
/// Markdown, HTML, Word .docx and .doc, PDF — detecting the shape and the text encoding from the content, not
/// the file name. Bad input (missing, too large, binary, corrupt) becomes diagnostics; nothing here
/// throws for a bad file.
/// </summary>
public static class ReportFileReader
{
    /// <summary>Files larger than this are refused unread (published reports are far smaller).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static ReadResult ReadFile(string path)
    {
        var (bytes, failure) = ReadBytes(path);
        return bytes is null ? failure! : Read(bytes);
    }

    /// <summary>
    /// A file's bytes, or why they were not read: missing, unreadable, or larger than <see cref="MaxFileBytes"/> —
    /// checked before anything is read, so an oversized file costs nothing (every command that reads a report file).
    /// </summary>
    public static (byte[]? Bytes, ReadResult? Failure) ReadBytes(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                var reason = Directory.Exists(path) ? "这是一个目录，不是文件" : "文件不存在";
                return (null, ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, $"{path}（{reason}）")));
            }

            if (info.Length > MaxFileBytes)
            {
                return (null, ReadResult.Failed(DiagnosticCatalog.InputTooLarge.Create(DiagnosticLocation.Report, FormatSize(info.Length), FormatSize(MaxFileBytes))));
            }

            // Read with the cap as well: a device (/dev/zero) says its length is 0 and would be read for ever.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                copy.Write(buffer, 0, n);
                if (copy.Length > MaxFileBytes)
                {
                    return (null, ReadResult.Failed(DiagnosticCatalog.InputTooLarge.Create(DiagnosticLocation.Report, "超过 " + FormatSize(MaxFileBytes), FormatSize(MaxFileBytes))));
                }
            }

            return (copy.ToArray(), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, $"{path}（{ex.Message}）")));
        }
    }

    public static ReportShape? DetectBinaryShape(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF-"u8))
        {
            return ReportShape.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return ReportShape.Docx;
        }

        return null;
    }

    /// <summary>
    /// The refusal of a file of <paramref name="length"/> bytes without reading it (over <see cref="MaxFileBytes"/>), as
    /// <see cref="Read"/> would refuse its bytes; null when it is not too large. An upload is checked by its length first,
    /// so an oversized one is never copied into memory.
    /// </summary>
    public static ReadResult? RefuseByLength(long length) =>
        length > MaxFileBytes ? ReadResult.Failed(DiagnosticCatalog.InputTooLarge.Create(DiagnosticLocation.Report, FormatSize(length), FormatSize(MaxFileBytes))) : null;

    /// <summary>Reads report content from bytes, detecting the shape and encoding.</summary>
    public static ReadResult Read(byte[] bytes)
    {
        if (bytes.LongLength > MaxFileBytes)
        {
            return ReadResult.Failed(DiagnosticCatalog.InputTooLarge.Create(DiagnosticLocation.Report, FormatSize(bytes.LongLength), FormatSize(MaxFileBytes)));
        }

        if (bytes.Length == 0)
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, "文件为空（0 字节）"));
        }

        switch (DetectBinaryShape(bytes))
        {
            case ReportShape.Pdf:
                var pdfLines = PdfShape.Lines(bytes, out var pdfProblem);
                return pdfLines is null
                    ? ReadResult.Failed((pdfProblem == PdfShape.MissingTool ? DiagnosticCatalog.ToolMissing : DiagnosticCatalog.FileUnreadable).Create(DiagnosticLocation.Report, pdfProblem))
                    : PublishedReportReader.Read(pdfLines);
            case ReportShape.Docx:
                return ReadDocx(bytes);
        }

        if (DocShape.IsCompoundFile(bytes))
        {
            return ReadDoc(bytes);
        }

        var text = TextDecoding.Decode(bytes, out var problem, out var encoding);
        if (text is null)
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, problem));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, "文件中只有空白，没有内容"));
        }

        var diagnostics = new List<Diagnostic>();
        if (encoding.StartsWith("GB", StringComparison.Ordinal) || encoding.StartsWith("UTF-16", StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.EncodingDetected.Create(DiagnosticLocation.Report, encoding));
        }

        if (LooksLikeJson(text))
        {
            var json = CanonicalJsonReader.Read(text);
            return json with { Diagnostics = [.. diagnostics, .. json.Diagnostics] };
        }

        var lines = LooksLikeHtml(text) ? HtmlShape.Lines(text) : TextShape.Lines(text);
        return PublishedReportReader.Read(lines, diagnostics);
    }

    private static ReadResult ReadDocx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return PublishedReportReader.Read(DocxShape.Lines(stream));
        }
#pragma warning disable CA1031 // A corrupt .docx fails inside the OpenXml/zip libraries in many ways; all mean "unreadable".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, "Word 文件已损坏或不是 .docx：" + ex.Message));
        }
    }

    private static ReadResult ReadDoc(byte[] bytes)
    {
        try
        {
            return PublishedReportReader.Read(DocShape.Lines(bytes));
        }
#pragma warning disable CA1031 // As for .docx: a damaged file fails in many ways (a position past the end, a bad chain); all mean "unreadable".
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return ReadResult.Failed(DiagnosticCatalog.FileUnreadable.Create(DiagnosticLocation.Report, "旧版 Word（.doc）文件无法读取：" + ex.Message));
        }
    }

    /// <summary>
    /// An object opening with a property name or closing at once ({"edition": …}); not a page that starts with a web
    /// template's leftovers ({{ title }}), which is text.
    /// </summary>
    internal static bool LooksLikeJson(string text)
    {
        var start = text.AsSpan().TrimStart();
        if (start.Length == 0 || start[0] != '{')
        {
            return false;
        }

        var next = start[1..].TrimStart();
        return next.Length == 0 || next[0] is '"' or '}';
    }

    internal static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 8192));
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase) ||
               head.Contains("<table", StringComparison.OrdinalIgnoreCase) || head.Contains("<body", StringComparison.OrdinalIgnoreCase) ||
               (head.Contains("<p", StringComparison.OrdinalIgnoreCase) && head.Contains("</p>", StringComparison.OrdinalIgnoreCase)) ||
               (head.Contains("<div", StringComparison.OrdinalIgnoreCase) && head.Contains("</div>", StringComparison.OrdinalIgnoreCase));
    }

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024.0):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
