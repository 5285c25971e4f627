using System.IO.Compression;
using System.Text;

namespace Gongkai.Web.Tests;

/// <summary>Small real files of each kind, built in memory.</summary>
internal static class AttachmentFiles
{
    public static byte[] Pdf(string text = "身份证明") =>
        Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Html() => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Ofd() => Zip(("OFD.xml", "<ofd:OFD/>"), ("Doc_0/Document.xml", "<ofd:Document/>"));

    public static byte[] PlainZip() => Zip(("readme.txt", "hello"), ("evil.html", "<script/>"));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return memory.ToArray();
    }

    public static MultipartFormDataContent Form(byte[] bytes, string name, string field = "file")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, field, name);
        return content;
    }
}
