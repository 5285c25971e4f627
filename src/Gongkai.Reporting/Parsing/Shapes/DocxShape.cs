using DocumentFormat.OpenXml;
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

    /// <summary>The deepest element nesting document.xml may have (a real report's is under 40: tables in tables, runs, fields).</summary>
    public const int MaxDepth = 256;

    /// <summary>
    /// Refuses a document.xml nested deeper than <see cref="MaxDepth"/> before OpenXml builds its tree: OpenXml loads
    /// elements recursively, so a 1 KB file of tables nested 16,000 deep overflowed the stack and took the process down
    /// (no handler can catch that), and a few thousand levels took seconds. Read with a streaming reader, no recursion.
    /// </summary>
    private static void CheckDepth(MainDocumentPart? part)
    {
        if (part is null)
        {
            return;
        }

        using var xml = part.GetStream(FileMode.Open, FileAccess.Read);
        using var reader = System.Xml.XmlReader.Create(xml, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                throw new InvalidDataException($"正文的表格或段落嵌套超过 {MaxDepth} 层，可能是恶意构造的文件，未读取");
            }
        }
    }

    /// <summary>
    /// Opens a .docx for reading once it is known safe to: a zip bomb is refused before OpenXml unpacks anything, and a
    /// body nested deeper than <see cref="MaxDepth"/> before OpenXml's recursive tree is built (it overflowed the stack,
    /// which no handler catches). Throws <see cref="InvalidDataException"/> with a Chinese reason.
    /// </summary>
    public static WordprocessingDocument OpenChecked(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ZipGuard.Check(stream, Limits);
        stream.Position = 0;
        var doc = WordprocessingDocument.Open(stream, false);
        try
        {
            CheckDepth(doc.MainDocumentPart);
            return doc;
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    public static List<SourceLine> Lines(Stream stream)
    {
        using var doc = OpenChecked(stream);
        var body = doc.MainDocumentPart?.Document?.Body
            ?? throw new InvalidDataException("The document has no body.");
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var element in Blocks(body))
        {
            switch (element)
            {
                case Paragraph p:
                    number++;
                    // A line break inside a paragraph (w:br) starts a line, as in the other shapes.
                    foreach (var piece in Text(p).Split('\n'))
                    {
                        if (piece.Trim().Length > 0)
                        {
                            lines.Add(new SourceLine(piece.Trim(), number));
                        }
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
    /// The paragraphs and tables of a container in order, those inside content controls (w:sdt, as templates wrap whole
    /// sections) included.
    /// </summary>
    private static IEnumerable<OpenXmlElement> Blocks(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            if (element is SdtBlock or SdtRow or SdtCell or SdtContentBlock or SdtContentRow or SdtContentCell or CustomXmlBlock or CustomXmlRow or CustomXmlCell)
            {
                foreach (var inner in Blocks(element is SdtElement sdt ? (OpenXmlElement?)sdt.GetFirstChild<SdtContentBlock>() ?? (OpenXmlElement?)sdt.GetFirstChild<SdtContentRow>() ?? (OpenXmlElement?)sdt.GetFirstChild<SdtContentCell>() ?? element : element))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return element;
            }
        }
    }

    /// <summary>Text in a run formatted hidden (w:vanish): not shown on the page, not the report's.</summary>
    private static bool Hidden(OpenXmlElement node) =>
        node is DocumentFormat.OpenXml.Wordprocessing.Text && node.Parent is Run { RunProperties.Vanish: { } vanish } && (vanish.Val is null || vanish.Val.Value);

    /// <summary>
    /// A paragraph's text as it reads: text runs, a tab as a tab (a table typed with tabs keeps its cells), a line break as
    /// a new line; not hidden text, nor the text a tracked
    /// change deleted (w:delText, w:del, w:moveFrom) nor a field's code (w:instrText: HYPERLINK "…", PAGE), which
    /// <c>InnerText</c> would run into the figures.
    /// </summary>
    private static string Text(OpenXmlElement paragraph)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            if (node.Ancestors().Any(a => a is DeletedRun or MoveFromRun) || Hidden(node))
            {
                continue;
            }

            switch (node)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The limits above, for <see cref="ZipGuard"/>.</summary>
    private static readonly ZipLimits Limits = new(MaxPartBytes, MaxUnpackedBytes, MaxParts);

    private static void Table(Table table, List<SourceLine> lines, ref int number)
    {
        foreach (var row in Blocks(table).OfType<TableRow>())
        {
            number++;
            var cells = new List<string>();
            foreach (var cell in Blocks(row).OfType<TableCell>())
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

                cells.Add(string.Join(' ', Blocks(cell).OfType<Paragraph>().Select(p => Text(p).Replace('\n', ' ').Replace('\t', ' ').Trim()).Where(s => s.Length > 0)));
            }

            if (cells.Count > 0)
            {
                lines.Add(new SourceLine(string.Join('\t', cells), number));
            }
        }
    }
}
