using System.IO.Compression;

namespace Gongkai.UseCases.Attachments;

/// <summary>
/// The file types accepted, detected from the content, never from the name or the client's Content-Type: PDF,
/// OFD (GB/T 33190, a ZIP with OFD.xml), DOCX and XLSX (ZIP with word/ or xl/ parts), JPEG, PNG. Any other ZIP is
/// refused: its entries are only listed, never extracted.
/// </summary>
public static class FileKinds
{
    public sealed record Kind(string MediaType, string Extension, string Label);

    public static readonly Kind Pdf = new("application/pdf", ".pdf", "PDF");
    public static readonly Kind Ofd = new("application/ofd", ".ofd", "OFD");
    public static readonly Kind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word（DOCX）");
    public static readonly Kind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel（XLSX）");
    public static readonly Kind Jpeg = new("image/jpeg", ".jpg", "JPG 图片");
    public static readonly Kind Png = new("image/png", ".png", "PNG 图片");

    public const string Accepted = "PDF、OFD、DOCX、XLSX、JPG、PNG";

    /// <summary>The kind of the file at <paramref name="path"/>, or null with the reason in <paramref name="refusal"/>.</summary>
    public static Kind? Detect(string path, out string? refusal)
    {
        refusal = null;
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        head = head[..read];
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return Container(path, out refusal);
        }

        refusal = $"不支持这种文件。可以上传：{Accepted}";
        return null;
    }

    private static Kind? Container(string path, out string? refusal)
    {
        refusal = null;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var names = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (names.Contains("OFD.xml"))
            {
                return Ofd;
            }

            if (names.Contains("[Content_Types].xml") && names.Contains("word/document.xml"))
            {
                return Docx;
            }

            if (names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml"))
            {
                return Xlsx;
            }

            refusal = $"不接受压缩包（ZIP）。请直接上传文件：{Accepted}";
            return null;
        }
        catch (InvalidDataException)
        {
            refusal = "文件已损坏，无法读取";
            return null;
        }
    }
}
