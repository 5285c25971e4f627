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
        ZipGuard.Check(stream, Limits); // a zip bomb is refused before OpenXml unpacks anything
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

    /// <summary>The limits above, for <see cref="ZipGuard"/>.</summary>
    private static readonly ZipLimits Limits = new(MaxPartBytes, MaxUnpackedBytes, MaxParts);

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
