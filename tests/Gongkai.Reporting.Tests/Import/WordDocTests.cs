using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>Word 97–2003 (.doc) files, as agencies and WPS still save them.</summary>
public sealed class WordDocTests
{
    private static string Folder => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "doc");

    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Folder, "*.doc").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Import_RealReportSavedAsDoc_EveryFigureAsReadByHand(string name)
    {
        var expected = CanonicalJsonReader.Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "real", name + ".expected.json"))).Report!;

        var result = ReportFileReader.ReadFile(Path.Combine(Folder, name + ".doc"));

        var report = result.Report;
        Assert.True(report is not null, string.Join(" | ", result.Diagnostics));
        ReportAssert.SameFigures(expected, report);
    }

    private static string Shapes => Path.Combine(Folder, "shapes");

    /// <summary>
    /// paragraphs-and-tables.doc is LibreOffice's .doc of the .html beside it: a paragraph before a table stays a line of
    /// its own, a cell of several paragraphs is one cell, a row one tab-separated line.
    /// </summary>
    [Fact]
    public void Lines_ParagraphsAroundAndInsideCells_AsDocxShapeGivesThem()
    {
        var lines = Parsing.Shapes.DocShape.Lines(File.ReadAllBytes(Path.Combine(Shapes, "paragraphs-and-tables.doc"))).Select(l => l.Text.Trim()).Where(t => t.Length > 0).ToList();

        Assert.Equal("Intro heading before table", lines[0]);
        Assert.Equal("A1\tB1 para1 B1 para2", lines[1]);
        Assert.Equal("A2 p1 A2 p2 A2 p3\tB2", lines[2]);
        Assert.Equal("After table", lines[3]);
        Assert.Contains("Y\tZ", lines);
        Assert.Contains(lines, l => l.StartsWith("Page field end “quotes” — dash € ™ •", StringComparison.Ordinal));
    }

    /// <summary>The same document in a version-4 container (4,096-byte sectors, the header filling the first).</summary>
    [Fact]
    public void Lines_FourKilobyteSectors_SameAsFiveHundredTwelve()
    {
        var small = Parsing.Shapes.DocShape.Lines(File.ReadAllBytes(Path.Combine(Shapes, "paragraphs-and-tables.doc")));
        var large = Parsing.Shapes.DocShape.Lines(File.ReadAllBytes(Path.Combine(Shapes, "paragraphs-and-tables-4096-sectors.doc")));

        Assert.Equal(small.Select(l => l.Text), large.Select(l => l.Text));
    }

    /// <summary>A field inside another field's code (IF { MERGEFIELD x } = 1 "RESULT") shows only the outer result; 8-bit text is Windows-1252.</summary>
    [Fact]
    public void Lines_NestedFieldCodes_OnlyTheOuterResult()
    {
        var lines = Parsing.Shapes.DocShape.Lines(File.ReadAllBytes(Path.Combine(Shapes, "nested-fields.doc"))).Select(l => l.Text).ToList();

        Assert.Equal("ARESULTB", lines[0]);
        Assert.Equal("• bullet ™ tm € euro", lines[1]);
    }

    /// <summary>
    /// Crafted against the reader (a review's probes): a 3.5 KB file declaring a 2 GB stream is refused before anything
    /// that size is allocated; one properties page listed a thousand times, each run pointing at 64 KB of the Data
    /// stream, is read (each page once).
    /// </summary>
    [Fact]
    public void Import_CraftedContainers_RefusedOrReadAtTheirSize()
    {
        var declared = ReportFileReader.Read(File.ReadAllBytes(Path.Combine(Shapes, "declared-2gb-stream.doc")));
        Assert.Null(declared.Report);
        Assert.Contains("流的声明大小超过文件", Assert.Single(declared.Diagnostics).Message, StringComparison.Ordinal);

        // Read, not refused (its time is measured by hand: 0.1 s against 17 s before; tests here are not timed).
        Assert.NotEmpty(Parsing.Shapes.DocShape.Lines(File.ReadAllBytes(Path.Combine(Shapes, "one-properties-page-listed-1000-times.doc"))));
    }

    [Fact]
    public void Import_TruncatedDoc_UnreadableNamingTheFormat()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "shuyang-fgj-2023-crawler-html.doc"));

        foreach (var length in new[] { 600, 3000, bytes.Length / 2 })
        {
            var result = ReportFileReader.Read(bytes[..length]);

            Assert.Null(result.Report);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("GK1001", diagnostic.Code);
            Assert.Contains("旧版 Word（.doc）文件无法读取", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Import_CompoundFileWithoutWordText_Refused()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "shuyang-fgj-2023-crawler-html.doc"));
        var name = Encoding.Unicode.GetBytes("WordDocument");
        var at = bytes.AsSpan().IndexOf(name);
        Assert.True(at > 0);
        bytes[at + name.Length - 2] = (byte)'X';

        var result = ReportFileReader.Read(bytes);

        Assert.Null(result.Report);
        Assert.Contains("没有 WordDocument 流", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Word95Document_RefusedNamingTheVersion()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "shuyang-fgj-2023-crawler-html.doc"));
        // The WordDocument stream starts a sector with its magic number; its next two bytes are the format's version.
        var start = Enumerable.Range(1, (bytes.Length / 512) - 1).Select(k => k * 512).First(o => bytes[o] == 0xEC && bytes[o + 1] == 0xA5);
        bytes[start + 2] = 0x65;
        bytes[start + 3] = 0x00;

        var result = ReportFileReader.Read(bytes);

        Assert.Null(result.Report);
        Assert.Contains("Word 95 或更早版本", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_DocWithEveryByteFlippedSomewhere_NeverThrows()
    {
        var original = File.ReadAllBytes(Path.Combine(Folder, "shanghai-govoffice-2019-js-content.doc"));
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = 0; k < 1 + (i % 8); k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var result = ReportFileReader.Read(bytes);

            Assert.True(result.Report is not null || result.Diagnostics.Count > 0);
        }
    }

    /// <summary>Gongkai's own .docx of a report, saved as .doc by LibreOffice, reads back to the same tables (both layouts).</summary>
    [RequiresToolsTheory("apt-get install libreoffice-writer-nogui", "libreoffice")]
    [InlineData(2021)]
    [InlineData(2019)]
    public void Import_DocFromLibreOffice_EqualsSourceTables(int layout)
    {
        var source = RandomReports.Create(11, layout == 2019 ? ReportEdition.Edition2019 : ReportEdition.Edition2021);
        using var docx = new MemoryStream();
        ReportRenderer.Render(source, RenderFormat.Docx, docx);

        var result = ReadAsDoc(docx.ToArray());

        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        ReportAssert.SameFigures(source, result.Report);
    }

    /// <summary>
    /// A .docx as Word leaves it after editing (<see cref="EditedDocx"/>), its body inside a content control (w:sdt):
    /// none of what was added is text of the report.
    /// </summary>
    [Fact]
    public void Import_DocxWithContentControlTrackedDeletionAndFieldCode_SameFigures()
    {
        var source = SampleReports.Qingtongxia2021();

        var result = ReportFileReader.Read(EditedDocx(source, wrapInContentControl: true, fieldCode: true));

        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        ReportAssert.SameFigures(source, result.Report);
    }

    /// <summary>A deleted 9 before 40 counts, saved as .doc by LibreOffice: tracked deletions are character properties there (sprmCFRMarkDel).</summary>
    [RequiresToolsFact("apt-get install libreoffice-writer-nogui", "libreoffice")]
    public void Import_DocWithTrackedDeletions_SameFigures()
    {
        var source = SampleReports.Qingtongxia2021();

        var result = ReadAsDoc(EditedDocx(source, wrapInContentControl: false, fieldCode: false));

        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        ReportAssert.SameFigures(source, result.Report);
    }

    /// <summary>A .docx saved as .doc by LibreOffice, then read.</summary>
    private static ReadResult ReadAsDoc(byte[] docx)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-doc-");
        try
        {
            var input = Path.Combine(dir.FullName, "report.docx");
            File.WriteAllBytes(input, docx);
            Tools.Run("libreoffice", dir.FullName, "--headless", "-env:UserInstallation=file://" + dir.FullName + "/profile", "--convert-to", "doc:MS Word 97", "--outdir", dir.FullName, input);
            return ReportFileReader.ReadFile(Path.Combine(dir.FullName, "report.doc"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A .docx as Word leaves it after editing: a tracked deletion (a 9) before 40 of table 三's counts and a field
    /// code (PAGE, its code alone) and a hidden 7 after them; optionally the whole body inside a content control (w:sdt).
    /// None of it is the report's text.
    /// </summary>
    private static byte[] EditedDocx(AnnualReport source, bool wrapInContentControl, bool fieldCode)
    {
        using var stream = new MemoryStream();
        ReportRenderer.Render(source, RenderFormat.Docx, stream);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, true))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            var numbers = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>()
                .Where(c => c.InnerText.Length > 0 && c.InnerText.All(char.IsAsciiDigit)).Take(40).ToList();
            Assert.True(numbers.Count == 40);
            foreach (var cell in numbers)
            {
                var paragraph = cell.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First();
                paragraph.InsertAt(new DocumentFormat.OpenXml.Wordprocessing.DeletedRun(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.DeletedText("9"))) { Author = "a", Id = "1" }, 1);
                if (fieldCode)
                {
                    paragraph.AppendChild(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.FieldCode(" PAGE ")));
                    paragraph.AppendChild(new DocumentFormat.OpenXml.Wordprocessing.Run(
                        new DocumentFormat.OpenXml.Wordprocessing.RunProperties(new DocumentFormat.OpenXml.Wordprocessing.Vanish()),
                        new DocumentFormat.OpenXml.Wordprocessing.Text("7")));
                }
            }

            if (wrapInContentControl)
            {
                var blocks = body.ChildElements.Where(e => e is not DocumentFormat.OpenXml.Wordprocessing.SectionProperties).ToList();
                var content = new DocumentFormat.OpenXml.Wordprocessing.SdtContentBlock();
                foreach (var block in blocks)
                {
                    block.Remove();
                    content.AppendChild(block);
                }

                body.InsertAt(new DocumentFormat.OpenXml.Wordprocessing.SdtBlock(content), 0);
            }
        }

        return stream.ToArray();
    }
}
