using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// Word .docx: paragraphs become lines; each table row becomes one line of tab-separated cells, a
/// horizontally merged cell (gridSpan) once and a vertically merged continuation (vMerge) not at all,
/// so a row reads as the cells that start in it. Line numbers count paragraphs and rows in order.
/// </summary>
public static class DocxShape
{
    /// <summary>The most a .docx may unpack to in all (a real annual report unpacks to well under 5 MB).</summary>
    public const long MaxUnpackedBytes = 48L * 1024 * 1024;

    /// <summary>The most one part may unpack to (document.xml is parsed into memory whole).</summary>
    public const long MaxPartBytes = 24L * 1024 * 1024;

    /// <summary>The most parts a .docx may hold.</summary>
    public const int MaxParts = 2000;

    public static List<SourceLine> Lines(Stream stream)
    {
        CheckUnpackedSize(stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The document has no body.");
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var element in body.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    number++;
                    var text = p.InnerText.Trim();
                    if (text.Length > 0)
                    {
                        lines.Add(new SourceLine(text, number));
                    }

                    break;
                case Table t:
                    Table(t, lines, ref number);
                    break;
            }
        }

        return lines;
    }

    /// <summary>
    /// Refuses a zip bomb before OpenXml unpacks anything: a 4 MB .docx whose document.xml inflates to 1.6 GB took the
    /// server to 3 GB. The declared sizes are checked first (cheap), then every part is inflated through a counting
    /// limit into nothing — the headers can lie, the inflated bytes cannot — so at most <see cref="MaxUnpackedBytes"/>
    /// are inflated (and none kept) before the document is refused.
    /// </summary>
    public static void CheckUnpackedSize(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > MaxParts)
        {
            throw new InvalidDataException($"文件包含 {zip.Entries.Count} 个部件，超过上限 {MaxParts}（可能是恶意构造的压缩包）");
        }

        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            declared += entry.Length;
            if (entry.Length > MaxPartBytes || declared > MaxUnpackedBytes)
            {
                throw TooLarge();
            }
        }

        var buffer = new byte[81920];
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var part = entry.Open();
            long inPart = 0;
            int read;
            while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
            {
                inPart += read;
                total += read;
                if (inPart > MaxPartBytes || total > MaxUnpackedBytes)
                {
                    throw TooLarge();
                }
            }
        }
    }

    private static InvalidDataException TooLarge() => new(
        $"解压后超过 {MaxUnpackedBytes / (1024 * 1024)} MB（单个部件上限 {MaxPartBytes / (1024 * 1024)} MB），可能是恶意构造的压缩包，未读取");

    private static void Table(Table table, List<SourceLine> lines, ref int number)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            number++;
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var merge = cell.TableCellProperties?.VerticalMerge;
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    continue;
                }

                var nested = cell.Elements<Table>().FirstOrDefault();
                if (nested is not null)
                {
                    Table(nested, lines, ref number);
                    continue;
                }

                cells.Add(string.Join(' ', cell.Elements<Paragraph>().Select(p => p.InnerText.Trim()).Where(s => s.Length > 0)));
            }

            if (cells.Count > 0)
            {
                lines.Add(new SourceLine(string.Join('\t', cells), number));
            }
        }
    }
}
