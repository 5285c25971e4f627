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
