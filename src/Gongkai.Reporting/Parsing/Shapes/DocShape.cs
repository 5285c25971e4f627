using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// Lines from a Word 97–2003 document (.doc, also as WPS saves it; MS-DOC): the main document's text from its piece
/// table, each paragraph a line, and each table row one tab-separated line as <see cref="DocxShape"/> gives it. Where
/// a row ends is read from the paragraph properties (the row-end mark's TTP flag); cell marks end the cells. Field
/// codes keep their result only (a PAGE field's number, not "PAGE"); pictures and drawn objects are dropped. Headers,
/// footers and footnotes are not the report's text and are left out. An encrypted document is refused by name.
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
        var paragraphs = ReadParagraphs(word, table, file.Stream("Data") ?? [], fcPapx, lcbPapx);
        var deleted = DeletedRuns(word, table, BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0xFA)), BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(0xFE)));
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
    private static (string Text, long[] Ends) Text(byte[] word, List<Piece> pieces, int mainLength, List<(long Start, long End)> deleted)
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
                if (c >= ' ' && IsDeleted(deleted, fc))
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

    private static bool IsDeleted(List<(long Start, long End)> deleted, long fc)
    {
        int low = 0, high = deleted.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (fc < deleted[middle].Start)
            {
                high = middle - 1;
            }
            else if (fc >= deleted[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The stored ranges of text whose character properties mark it deleted by a tracked change (sprmCFRMarkDel, 0x0800)
    /// or hidden (sprmCFVanish, 0x083C), from the character properties' pages (PlcBteChpx → ChpxFkp), each page once;
    /// sorted, not overlapping. Empty when the document has none or they cannot be read.
    /// </summary>
    private static List<(long Start, long End)> DeletedRuns(byte[] word, byte[] table, uint fcPlc, uint lcbPlc)
    {
        var ranges = new List<(long Start, long End)>();
        if (lcbPlc < 8 || fcPlc > table.Length || lcbPlc > table.Length - fcPlc || (lcbPlc - 4) % 8 != 0)
        {
            return ranges;
        }

        var plc = table.AsSpan((int)fcPlc, (int)lcbPlc);
        var count = (int)((lcbPlc - 4) / 8);
        var pages = new HashSet<long>();
        for (var i = 0; i < count; i++)
        {
            var page = (long)(BinaryPrimitives.ReadUInt32LittleEndian(plc[((4 * (count + 1)) + (4 * i))..]) & 0x3FFFFF) * 512;
            if (page + 512 > word.Length || !pages.Add(page))
            {
                continue;
            }

            var fkp = word.AsSpan((int)page, 512);
            var runs = fkp[511];
            if (runs == 0 || (4 * (runs + 1)) + runs > 511)
            {
                continue;
            }

            for (var r = 0; r < runs; r++)
            {
                var offset = fkp[(4 * (runs + 1)) + r] * 2;
                if (offset == 0 || offset >= 511 || offset + 1 + fkp[offset] > 511)
                {
                    continue;
                }

                // One page's properties, read once: no budget to keep.
                var unbounded = long.MaxValue;
                if ((Read(fkp.Slice(offset + 1, fkp[offset]), [], null, ref unbounded) & Marks.Deleted) != 0)
                {
                    ranges.Add((BinaryPrimitives.ReadUInt32LittleEndian(fkp[(4 * r)..]), BinaryPrimitives.ReadUInt32LittleEndian(fkp[(4 * (r + 1))..])));
                }
            }
        }

        ranges.Sort();
        var merged = new List<(long Start, long End)>();
        foreach (var range in ranges.Where(r => r.End > r.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>An 8-bit character as the format stores Latin text: Windows-1252.</summary>
    private static char Compressed(byte b) => b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;

    /// <summary>Windows-1252's 0x80–0x9F (its five unassigned codes kept as they are).</summary>
    private const string Windows1252High = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>What the paragraph properties say of the paragraphs, by the file position just after each one's mark.</summary>
    private sealed class Paragraphs
    {
        /// <summary>Table-row ends (TTP: sprmPFTtp 0x2417, or sprmPFInnerTtp 0x244C for a nested table).</summary>
        public HashSet<long> RowEnds { get; } = [];

        /// <summary>Paragraphs inside a table cell (sprmPFInTable 0x2416, or a table depth, sprmPItap 0x6649, above 0).</summary>
        public HashSet<long> InTable { get; } = [];

        /// <summary>Cell ends of a nested table (sprmPFInnerTableCell 0x244B): a paragraph mark, not a cell mark.</summary>
        public HashSet<long> InnerCellEnds { get; } = [];
    }

    [Flags]
    private enum Marks
    {
        None = 0,
        RowEnd = 1,
        InTable = 2,
        InnerCellEnd = 4,
        Deleted = 8,
    }

    /// <summary>
    /// The paragraph properties' pages (PlcBtePapx → PapxFkp), each page once, each long row's properties in the Data
    /// stream (sprmPHugePapx) read once, and no more property bytes read than the streams hold twice over: a file that
    /// lists one page a thousand times costs what it costs once. Empty sets when the document has none.
    /// </summary>
    private static Paragraphs ReadParagraphs(byte[] word, byte[] table, byte[] data, uint fcPlc, uint lcbPlc)
    {
        var paragraphs = new Paragraphs();
        if (lcbPlc < 8 || fcPlc > table.Length || lcbPlc > table.Length - fcPlc || (lcbPlc - 4) % 8 != 0)
        {
            return paragraphs;
        }

        var plc = table.AsSpan((int)fcPlc, (int)lcbPlc);
        var count = (int)((lcbPlc - 4) / 8);
        var pages = new HashSet<long>();
        var huge = new Dictionary<uint, Marks>();
        var budget = 2L * ((long)word.Length + table.Length + data.Length);
        for (var i = 0; i < count; i++)
        {
            var page = (long)(BinaryPrimitives.ReadUInt32LittleEndian(plc[((4 * (count + 1)) + (4 * i))..]) & 0x3FFFFF) * 512;
            if (page + 512 > word.Length || !pages.Add(page))
            {
                continue;
            }

            var fkp = word.AsSpan((int)page, 512);
            var runs = fkp[511];
            if (runs == 0 || (4 * (runs + 1)) + (13 * runs) > 511)
            {
                continue;
            }

            for (var r = 0; r < runs; r++)
            {
                var paragraphEnd = BinaryPrimitives.ReadUInt32LittleEndian(fkp[(4 * (r + 1))..]);
                var offset = fkp[(4 * (runs + 1)) + (13 * r)] * 2;
                if (offset == 0 || offset >= 511)
                {
                    continue;
                }

                int size;
                var start = offset + 1;
                if (fkp[offset] == 0)
                {
                    size = 2 * fkp[offset + 1];
                    start = offset + 2;
                }
                else
                {
                    size = (2 * fkp[offset]) - 1;
                }

                if (start + size > 511 || size < 2)
                {
                    continue;
                }

                // After the style (2 bytes), the property changes; the run ends just after its paragraph mark.
                var marks = Read(fkp.Slice(start + 2, size - 2), data, huge, ref budget);
                if (marks.HasFlag(Marks.RowEnd))
                {
                    paragraphs.RowEnds.Add(paragraphEnd);
                }

                if (marks.HasFlag(Marks.InTable))
                {
                    paragraphs.InTable.Add(paragraphEnd);
                }

                if (marks.HasFlag(Marks.InnerCellEnd))
                {
                    paragraphs.InnerCellEnds.Add(paragraphEnd);
                }
            }
        }

        return paragraphs;
    }

    /// <summary>
    /// The marks a paragraph's property changes (sprms) set. A paragraph with too many changes for its page keeps them
    /// in the Data stream (sprmPHugePapx, 0x6646, then nothing else): read there, once per place.
    /// </summary>
    private static Marks Read(ReadOnlySpan<byte> sprms, byte[] data, Dictionary<uint, Marks>? huge, ref long budget)
    {
        budget -= sprms.Length;
        if (budget < 0)
        {
            throw new InvalidDataException("段落属性过多");
        }

        var marks = Marks.None;
        var at = 0;
        while (at + 2 <= sprms.Length)
        {
            var sprm = BinaryPrimitives.ReadUInt16LittleEndian(sprms[at..]);
            at += 2;
            int operand;
            switch (sprm >> 13)
            {
                case 0 or 1:
                    operand = 1;
                    break;
                case 2 or 4 or 5:
                    operand = 2;
                    break;
                case 3:
                    operand = 4;
                    break;
                case 7:
                    operand = 3;
                    break;
                default:
                    if (at >= sprms.Length)
                    {
                        return marks;
                    }

                    // sprmTDefTable (0xD608, the row's cell layout, on the row-end mark itself) counts its size in two
                    // bytes (the size of the rest plus one); the rest: one byte of size.
                    operand = sprm == 0xD608
                        ? (at + 2 <= sprms.Length ? BinaryPrimitives.ReadUInt16LittleEndian(sprms[at..]) + 1 : sprms.Length)
                        : sprms[at] + 1;
                    break;
            }

            var set = at < sprms.Length && sprms[at] != 0;
            marks |= sprm switch
            {
                0x2417 or 0x244C when set => Marks.RowEnd,
                0x2416 when set => Marks.InTable,
                0x6649 when at + 4 <= sprms.Length && BinaryPrimitives.ReadInt32LittleEndian(sprms[at..]) > 0 => Marks.InTable,
                0x244B when set => Marks.InnerCellEnd | Marks.InTable,
                0x0800 when set => Marks.Deleted,
                0x083C when set && sprms[at] is 0x01 or 0x81 => Marks.Deleted,
                _ => Marks.None,
            };

            if (sprm == 0x6646 && huge is not null && at + 4 <= sprms.Length)
            {
                var offset = BinaryPrimitives.ReadUInt32LittleEndian(sprms[at..]);
                if (!huge.TryGetValue(offset, out var found))
                {
                    found = Marks.None;
                    if (offset + 2L <= data.Length)
                    {
                        var length = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan((int)offset));
                        if (offset + 2L + length <= data.Length)
                        {
                            found = Read(data.AsSpan((int)offset + 2, length), data, null, ref budget);
                        }
                    }

                    huge[offset] = found;
                }

                return marks | found;
            }

            at += operand;
        }

        return marks;
    }

    private static List<SourceLine> ToLines(string text, long[] ends, Paragraphs paragraphs)
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
