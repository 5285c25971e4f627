using System.IO.Compression;
using System.Text;
using Gongkai.Testing;
using Gongkai.UseCases.Registry;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The registry's full-text extraction of an attachment keeps the importer's limits: a zip bomb or a .docx nested
/// thousands deep gives no text (the file is still kept) instead of unpacking or overflowing the stack; GBK text is
/// searchable; a PDF's text comes through pdftotext under its time and size limits.
/// </summary>
public sealed class TextExtractionTests
{
    /// <summary>A text cut at the limit never ends in half a surrogate pair (PostgreSQL refuses a lone half).</summary>
    [Fact]
    public void Extract_PairAcrossTheLimit_CutBeforeIt()
    {
        var text = new string('a', TextExtraction.MaxChars - 1) + "𠮷" + "tail";

        var extracted = TextExtraction.Extract(Encoding.UTF8.GetBytes(text), "long.txt");

        Assert.Equal(new string('a', TextExtraction.MaxChars - 1), extracted);
    }

    [Fact]
    public void GbkText_Decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("关于印发示例市政府信息公开指南的通知");

        Assert.Equal("关于印发示例市政府信息公开指南的通知", TextExtraction.Extract(gbk, "通知.txt"));
        Assert.Contains("公开指南", TextExtraction.Extract(gbk, "通知.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void ZipBombDocx_NoText_NothingUnpacked()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 200; i++)
            {
                part.Write(zeros);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var text = TextExtraction.Extract(buffer.ToArray(), "办法.docx");

        Assert.Equal(string.Empty, text);
        // Inflated through the guard's 80 KB buffer and refused at its limit; nothing of the 200 MB is kept.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
    }

    [Fact]
    public void DocxNestedSixteenThousandDeep_NoText_NoCrash()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "fuzz", "F1-docx-nested-tables-16000.docx"));

        string? text = null;
        // On a 256 KB stack, as the importer's fuzz test reads it: the tree OpenXml builds is never built.
        var thread = new Thread(() => text = TextExtraction.Extract(bytes, "附件.docx"), 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal(string.Empty, text);
    }

    /// <summary>Damaged .docx files as the audit of a running copy sent them: each gives no text and no exception (the upload still succeeds).</summary>
    [Theory]
    [InlineData("no-content-types")]
    [InlineData("document-not-xml")]
    [InlineData("relationship-to-nowhere")]
    [InlineData("content-types-garbage")]
    [InlineData("not-a-zip")]
    public void DamagedDocx_NoText_NoException(string shape)
    {
        var text = TextExtraction.Extract(DamagedDocx(shape), "附件.docx");

        Assert.Equal(string.Empty, text);
    }

    internal static byte[] DamagedDocx(string shape)
    {
        if (shape == "not-a-zip")
        {
            return "PK\x03\x04 then nothing a zip needs"u8.ToArray();
        }

        const string types = """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";
        const string rels = """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";
        const string document = """<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>""";
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = shape switch
            {
                "content-types-garbage" => "<Types><<<",
                _ => types,
            },
            ["_rels/.rels"] = shape == "relationship-to-nowhere" ? rels.Replace("word/document.xml", "../../../etc/passwd", StringComparison.Ordinal) : rels,
            ["word/document.xml"] = shape == "document-not-xml" ? "这不是 XML <w:document" : document,
        };
        if (shape == "no-content-types")
        {
            parts.Remove("[Content_Types].xml");
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }

    [RequiresToolsFact("apt-get install poppler-utils", "pdftotext")]
    public void Pdf_TextThroughPdftotext()
    {
        var text = TextExtraction.Extract(MinimalPdf("Gongkai registry attachment 2026"), "attachment.pdf");

        Assert.Contains("Gongkai registry attachment 2026", text, StringComparison.Ordinal);
    }

    [RequiresToolsFact("apt-get install poppler-utils", "pdftotext")]
    public void Pdf_Damaged_NoText()
    {
        Assert.Equal(string.Empty, TextExtraction.Extract(Encoding.ASCII.GetBytes("%PDF-1.4\nnot a pdf at all"), "broken.pdf"));
    }

    /// <summary>A one-page PDF showing <paramref name="line"/> in Helvetica, with a correct cross-reference table.</summary>
    private static byte[] MinimalPdf(string line)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({line}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
