using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// Lines from a Word 97–2003 document (.doc, also as WPS saves it; MS-DOC): the main document's text from its piece
/// table, each paragraph a line, and each table row one tab-separated line as <see cref="DocxShape"/> gives it. Where
/// a row ends is read from the paragraph properties (<see cref="DocProperties"/>); cell marks end the cells. Field
/// codes keep their result only (a PAGE field's number, not "PAGE"); pictures and drawn objects are dropped. Headers,
/// footers and footnotes are not the report's text and are left out, and so is text a tracked change deleted or hidden text.
/// An encrypted document is refused by name.
/// </summary>
public static class DocShape
{
    private const char CellMark = '\u0007';

    /// <summary>Whether the bytes are a compound file (a .doc, but also .xls or .ppt: <see cref="Lines"/> says which).</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith(CompoundFile.Signature);

    /// <summary>The document's lines; <see cref="InvalidDataException"/> with the reason in Chinese when it cannot be read.</summary>
    public static List<SourceLine> Lines(byte[] bytes)
    {
        var file = new CompoundFile(bytes);
        var word = file.Stream("WordDocument")
            ?? throw new InvalidDataException(file.Stream("Workbook") is not null || file.Stream("Book") is not null ? "这是 Excel（.xls）文件，不是年度报告" : "不是 Word 文档（没有 WordDocument 流）");
        if (word.Length < 0x1AA || BinaryPrimitives.ReadUInt16LittleEndian(word) != 0xA5EC)
        {
            throw new InvalidDataException("Word 文档头无效");
        }

        // Word 97 and later write 0x00C1 here; Word 6 and Word 95 laid the header out otherwise.
        if (BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(2)) < 0x00C1)
        {
            throw new InvalidDataException("这是 Word 95 或更早版本的文件，请用 Word/WPS 另存为 .docx 后再导入");
        }

        var flags = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(0x0A));
        if ((flags & 0x0100) != 0)
        {
            throw new InvalidDataException("Word 文档已加密，请去掉密码后另存再导入");
        }

        var table = file.Stream((flags & 0x0200) != 0 ? "1Table" : "0Table") ?? throw new InvalidDataException("Word 文档缺少表流");
        var mainLength = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(0x4C));
        var fcClx = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0x1A2));
        var lcbClx = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0x1A6));
        var fcPapx = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0x102));
        var lcbPapx = BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0x106));
        if (mainLength < 0 || fcClx > table.Length || lcbClx > table.Length - fcClx)
        {
            throw new InvalidDataException("Word 文档的文本位置无效");
        }

        var pieces = Pieces(table.AsSpan((int)fcClx, (int)lcbClx));
        var paragraphs = DocProperties.Paragraphs(word, table, file.Stream("Data") ?? [], fcPapx, lcbPapx);
        var deleted = DocProperties.DeletedText(word, table, BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0xFA)), BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0xFE)));
        var (text, ends) = Text(word, pieces, mainLength, deleted);
        return ToLines(text, ends, paragraphs);
    }

    private readonly record struct Piece(int CpStart, int CpEnd, long Fc, bool Compressed);

    /// <summary>The piece table (Clx: property runs, then the PlcPcd): where each run of characters is stored.</summary>
    private static List<Piece> Pieces(ReadOnlySpan<byte> clx)
    {
        var at = 0;
        while (at < clx.Length && clx[at] == 0x01)
        {
            if (at + 3 > clx.Length)
            {
                throw new InvalidDataException("Word 文档的片段表无效");
            }

            at += 3 + BinaryPrimitives.ReadUInt16LittleEndian(clx[(at + 1)..]);
        }

        if (at + 5 > clx.Length || clx[at] != 0x02)
        {
            throw new InvalidDataException("Word 文档的片段表无效");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(clx[(at + 1)..]);
        var plc = clx[(at + 5)..];
        if (length < 4 || length > plc.Length || (length - 4) % 12 != 0)
        {
            throw new InvalidDataException("Word 文档的片段表无效");
        }

        var count = (length - 4) / 12;
        var pieces = new List<Piece>(count);
        for (var i = 0; i < count; i++)
        {
            var cpStart = BinaryPrimitives.ReadInt32LittleEndian(plc[(4 * i)..]);
            var cpEnd = BinaryPrimitives.ReadInt32LittleEndian(plc[(4 * (i + 1))..]);
            var descriptor = plc[((4 * (count + 1)) + (8 * i))..];
            var fc = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[2..]);
            var compressed = (fc & 0x40000000) != 0;
            if (cpEnd < cpStart || cpStart < 0)
            {
                throw new InvalidDataException("Word 文档的片段表无效");
            }

            pieces.Add(new Piece(cpStart, cpEnd, compressed ? (fc & 0x3FFFFFFF) / 2 : fc, compressed));
        }

        return pieces;
    }

    /// <summary>The main document's characters, each with the file position just after it (where a paragraph run ends).</summary>
    private static (string Text, long[] Ends) Text(byte[] word, List<Piece> pieces, int mainLength, DocProperties.StoredRanges deleted)
    {
        // At most one character per byte of the stream, whatever the header claims.
        var capacity = Math.Min(mainLength, word.Length);
        var text = new StringBuilder(capacity);
        var ends = new List<long>(capacity);
        foreach (var piece in pieces)
        {
            var end = Math.Min(piece.CpEnd, mainLength);
            var width = piece.Compressed ? 1 : 2;
            for (var cp = piece.CpStart; cp < end && text.Length < capacity; cp++)
            {
                var fc = piece.Fc + ((long)(cp - piece.CpStart) * width);
                if (fc + width > word.Length)
                {
                    throw new InvalidDataException("Word 文档的文本超出文件");
                }

                var c = piece.Compressed ? Compressed(word[fc]) : (char)BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan((int)fc));
                if (c >= ' ' && deleted.Contains(fc))
                {
                    // Text a tracked change deleted (or hidden text): not the report's. Marks stay, the table keeps its shape.
                    continue;
                }

                text.Append(c);
                ends.Add(fc + width);
            }
        }

        return (text.ToString(), ends.ToArray());
    }

    /// <summary>An 8-bit character as the format stores Latin text: Windows-1252.</summary>
    private static char Compressed(byte b) => b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;

    /// <summary>Windows-1252's 0x80–0x9F (its five unassigned codes kept as they are).</summary>
    private const string Windows1252High = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    private static List<SourceLine> ToLines(string text, long[] ends, DocProperties.ParagraphMarks paragraphs)
    {
        var lines = new List<SourceLine>();
        var paragraph = new StringBuilder();
        var cells = new List<string>();
        // Per open field, whether it is still in its code (before its separator); text shows only outside every code.
        var fields = new Stack<bool>();
        var inCode = 0;
        var number = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\u0013':
                    fields.Push(true);
                    inCode++;
                    continue;
                case '\u0014':
                    if (fields.Count > 0 && fields.Peek())
                    {
                        fields.Pop();
                        fields.Push(false);
                        inCode--;
                    }

                    continue;
                case '\u0015':
                    if (fields.Count > 0 && fields.Pop())
                    {
                        inCode--;
                    }

                    continue;
            }

            if (inCode > 0)
            {
                continue;
            }

            var rowEnd = paragraphs.RowEnds.Contains(ends[i]);
            switch (c)
            {
                case CellMark or '\r' when rowEnd:
                    number++;
                    if (paragraph.Length > 0)
                    {
                        cells.Add(paragraph.ToString().Trim());
                        paragraph.Clear();
                    }

                    lines.Add(new SourceLine(string.Join('\t', cells), number));
                    cells.Clear();
                    break;
                case CellMark:
                case '\r' when paragraphs.InnerCellEnds.Contains(ends[i]):
                    cells.Add(paragraph.ToString().Trim());
                    paragraph.Clear();
                    break;
                case '\r' when paragraphs.InTable.Contains(ends[i]) || (paragraphs.InTable.Count == 0 && InTable(text, i)):
                    // A paragraph inside a cell: the cell's text goes on after a space.
                    paragraph.Append(' ');
                    break;
                case '\r':
                    number++;
                    lines.Add(new SourceLine(paragraph.ToString(), number));
                    paragraph.Clear();
                    break;
                case '\u000B' or '\u000C':
                    paragraph.Append(cells.Count > 0 ? ' ' : '\n');
                    break;
                case '\u001E':
                    paragraph.Append('-');
                    break;
                case '\u00A0':
                    paragraph.Append(' ');
                    break;
                case < ' ':
                    // Pictures (0x01), drawn objects (0x08), note references (0x02), soft hyphens (0x1F) and the like.
                    break;
                default:
                    paragraph.Append(c);
                    break;
            }
        }

        if (paragraph.Length > 0 || cells.Count > 0)
        {
            cells.Add(paragraph.ToString());
            lines.Add(new SourceLine(string.Join('\t', cells), number + 1));
        }

        // A line break inside a paragraph (0x0B) is a line of its own, as in the other shapes.
        return lines.SelectMany(l => l.Text.Contains('\n', StringComparison.Ordinal)
            ? l.Text.Split('\n').Select(t => l with { Text = t })
            : [l]).ToList();
    }

    /// <summary>
    /// Without paragraph properties to say so: whether a paragraph mark ends a paragraph inside a table cell (a cell mark
    /// comes before the next paragraph mark).
    /// </summary>
    private static bool InTable(string text, int at)
    {
        for (var j = at + 1; j < text.Length; j++)
        {
            if (text[j] == '\r')
            {
                return false;
            }

            if (text[j] == CellMark)
            {
                return true;
            }
        }

        return false;
    }
}
