using System.Buffers.Binary;

namespace Gongkai.Reporting.Parsing.Shapes;

/// <summary>
/// What a Word 97–2003 document's formatting says of its text (MS-DOC), as far as <see cref="DocShape"/> needs it: from
/// the paragraph properties, where table rows end and which paragraphs stand in a cell; from the character properties,
/// which text a tracked change deleted or is hidden. Both are read from their pages (PlcBte → FKP, 512 bytes each),
/// each page once however often the document lists it, the property changes (sprms) of each run decoded alike. Property
/// pages that cannot be read are skipped: the text is still read, only without what they would have said.
/// </summary>
internal static class DocProperties
{
    /// <summary>What the paragraph properties say of the paragraphs, by the file position just after each one's mark.</summary>
    internal sealed class ParagraphMarks
    {
        /// <summary>Table-row ends (TTP: sprmPFTtp 0x2417, or sprmPFInnerTtp 0x244C for a nested table).</summary>
        public HashSet<long> RowEnds { get; } = [];

        /// <summary>Paragraphs inside a table cell (sprmPFInTable 0x2416, or a table depth, sprmPItap 0x6649, above 0).</summary>
        public HashSet<long> InTable { get; } = [];

        /// <summary>Cell ends of a nested table (sprmPFInnerTableCell 0x244B): a paragraph mark, not a cell mark.</summary>
        public HashSet<long> InnerCellEnds { get; } = [];
    }

    /// <summary>Stored ranges of text (file positions), sorted and not overlapping.</summary>
    internal sealed class StoredRanges(List<(long Start, long End)> ranges)
    {
        public bool Contains(long fc)
        {
            int low = 0, high = ranges.Count - 1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (fc < ranges[middle].Start)
                {
                    high = middle - 1;
                }
                else if (fc >= ranges[middle].End)
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
    /// The paragraph properties' pages (PlcBtePapx → PapxFkp), each long row's properties in the Data stream
    /// (sprmPHugePapx) read once, and no more property bytes read than the streams hold twice over: a file that lists
    /// one page a thousand times costs what it costs once. Empty sets when the document has none.
    /// </summary>
    public static ParagraphMarks Paragraphs(byte[] word, byte[] table, byte[] data, uint fcPlc, uint lcbPlc)
    {
        var paragraphs = new ParagraphMarks();
        var huge = new Dictionary<uint, Marks>();
        var budget = 2L * ((long)word.Length + table.Length + data.Length);
        foreach (var page in Pages(word, table, fcPlc, lcbPlc))
        {
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
    /// The stored text whose character properties mark it deleted by a tracked change (sprmCFRMarkDel, 0x0800) or hidden
    /// (sprmCFVanish, 0x083C), from the character properties' pages (PlcBteChpx → ChpxFkp). Empty when the document has
    /// none or they cannot be read.
    /// </summary>
    public static StoredRanges DeletedText(byte[] word, byte[] table, uint fcPlc, uint lcbPlc)
    {
        var ranges = new List<(long Start, long End)>();
        foreach (var page in Pages(word, table, fcPlc, lcbPlc))
        {
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

        return new StoredRanges(merged);
    }

    /// <summary>
    /// Where the pages a PlcBte lists stand in the WordDocument stream, each once and only those inside it; none when the
    /// PlcBte itself is not where the header says.
    /// </summary>
    private static List<long> Pages(byte[] word, byte[] table, uint fcPlc, uint lcbPlc)
    {
        var pages = new List<long>();
        if (lcbPlc < 8 || fcPlc > table.Length || lcbPlc > table.Length - fcPlc || (lcbPlc - 4) % 8 != 0)
        {
            return pages;
        }

        var plc = table.AsSpan((int)fcPlc, (int)lcbPlc);
        var count = (int)((lcbPlc - 4) / 8);
        var seen = new HashSet<long>();
        for (var i = 0; i < count; i++)
        {
            var page = (long)(BinaryPrimitives.ReadUInt32LittleEndian(plc[((4 * (count + 1)) + (4 * i))..]) & 0x3FFFFF) * 512;
            if (page + 512 <= word.Length && seen.Add(page))
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    /// <summary>
    /// The marks a run's property changes (sprms) set. A paragraph with too many changes for its page keeps them in the
    /// Data stream (sprmPHugePapx, 0x6646, then nothing else): read there, once per place.
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
}
