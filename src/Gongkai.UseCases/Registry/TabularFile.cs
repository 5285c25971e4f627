using System.Text;
using Gongkai.Reporting.Parsing;
using MiniExcelLibs;

namespace Gongkai.UseCases.Registry;

/// <summary>A table read from a CSV or XLSX export: its header and its rows, each with the line it came from.</summary>
public sealed record TabularFile(IReadOnlyList<string> Header, IReadOnlyList<TabularRow> Rows)
{
    /// <summary>The largest file read (the web import form's limit is a little above it).</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    /// <summary>How far an .xlsx may unpack: a 100,000-row catalogue unpacks to well under this.</summary>
    public static readonly ZipLimits XlsxLimits = new(MaxPartBytes: 256L * 1024 * 1024, MaxTotalBytes: 256L * 1024 * 1024, MaxParts: 10_000);

    /// <summary>
    /// The widest table read: a catalogue has about twenty columns. Without a limit a CSV line of 16,000 commas, or an .xlsx cell at
    /// <c>XFD2</c> (MiniExcel gives every row every column up to the widest, 1.2 GB a row), cost memory and time by the column.
    /// </summary>
    public const int MaxColumns = 256;

    /// <summary>The most rows read (a catalogue of 10^5 items is the benchmark's; an .xlsx row number past this is refused before it is read).</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>The most cells an .xlsx may span (rows × columns of its widest row), checked before MiniExcel fills them in.</summary>
    public const long MaxXlsxCells = 20_000_000;

    /// <summary>
    /// Reads a CSV (RFC 4180; UTF-8 with or without BOM, or GB18030 as older Chinese exports are) or an XLSX
    /// (first sheet, first row the header). Unreadable input is a problem in Chinese, never an exception. At most
    /// <see cref="MaxFileBytes"/> are read, and an .xlsx that would unpack beyond <see cref="XlsxLimits"/> is refused
    /// before it is parsed (issue 11: the web's upload limits hold for the command line too).
    /// </summary>
    public static (TabularFile? File, string? Problem) Read(Stream content, string fileName)
    {
        try
        {
            using var buffer = new MemoryStream();
            if (!CopyAtMost(content, buffer, MaxFileBytes))
            {
                return (null, $"文件“{Path.GetFileName(fileName)}”超过 {MaxFileBytes / (1024 * 1024)} MB，未读取");
            }

            buffer.Position = 0;
            var (file, problem) = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(buffer) : ReadCsv(buffer);
            return file is null ? (null, problem) : Checked(file);
        }
        catch (TooLargeException ex)
        {
            return (null, $"文件“{Path.GetFileName(fileName)}”{ex.Message}，未读取");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Any exception: MiniExcel alone throws NullReferenceException on a cell of shared-string type in a workbook
            // without shared strings, or a style index without styles (a 500 on the web, exit 3 on the command line before).
            return (null, $"无法读取文件“{Path.GetFileName(fileName)}”：{ex.Message}");
        }
    }

    /// <summary>A header naming one column twice is refused: which of the two would a value be read from, and which kept?</summary>
    private static (TabularFile?, string?) Checked(TabularFile file)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < file.Header.Count; i++)
        {
            var name = file.Header[i];
            if (name.Length > 0 && !first.TryAdd(name, i))
            {
                return (null, $"表头的列名“{name}”出现了两次（第 {first[name] + 1} 列和第 {i + 1} 列），请删去或改名其中一列");
            }
        }

        return (file, null);
    }

    /// <summary>A file past a limit of its shape (columns, rows, cells): the message says which and where.</summary>
    private sealed class TooLargeException(string message) : Exception(message);

    private static string Columns(int n) => $"有 {n} 列，超过 {MaxColumns} 列的上限";

    private static bool CopyAtMost(Stream content, MemoryStream buffer, long limit)
    {
        if (content.CanSeek && content.Length - content.Position > limit)
        {
            return false;
        }

        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        return true;
    }

    private static (TabularFile?, string?) ReadXlsx(MemoryStream buffer)
    {
        if (buffer.Length < 4 || buffer.GetBuffer()[0] != (byte)'P' || buffer.GetBuffer()[1] != (byte)'K')
        {
            return (null, "文件不是有效的 XLSX 工作簿");
        }

        ZipGuard.Check(buffer, XlsxLimits);
        buffer.Position = 0;
        CheckSheetExtent(buffer);
        buffer.Position = 0;

        var rows = new List<TabularRow>();
        IReadOnlyList<string>? header = null;
        var line = 0;
        foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: false))
        {
            line++;
            if (line > MaxRows + 1)
            {
                throw new TooLargeException($"超过 {MaxRows:N0} 行的上限");
            }

            var cells = row.Values.Select(Cell).ToList();
            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToList();
            }
            else if (cells.Count > 0)
            {
                rows.Add(new TabularRow(line, cells));
            }
        }

        return header is null ? (null, "工作簿是空的，没有表头") : (new TabularFile(header, rows), null);
    }

    /// <summary>
    /// Reads every worksheet's XML as a stream, before MiniExcel does, for how far it reaches: its <c>dimension</c>, and each
    /// row's and cell's reference. MiniExcel makes every row as wide as the widest and fills in the rows between, so a
    /// single cell at <c>XFD2</c>, or one at row 1,048,576, becomes gigabytes; such a sheet is refused with where it reaches.
    /// </summary>
    private static void CheckSheetExtent(MemoryStream buffer)
    {
        using var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
        {
            using var stream = entry.Open();
            using var xml = System.Xml.XmlReader.Create(stream, settings);
            long rowNumber = 0, widest = 0, column = 0;
            while (xml.Read())
            {
                if (xml.NodeType != System.Xml.XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "dimension" when xml.GetAttribute("ref") is { } extent:
                        var last = Reference(extent[(extent.IndexOf(':', StringComparison.Ordinal) + 1)..]);
                        Check(last.Column, last.Row, extent);
                        break;
                    case "row":
                        rowNumber = long.TryParse(xml.GetAttribute("r"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                        column = 0;
                        Check(widest, rowNumber, $"第 {rowNumber} 行");
                        break;
                    case "c":
                        var reference = xml.GetAttribute("r");
                        var at = reference is not null ? Reference(reference) : (Column: column + 1, Row: rowNumber);
                        column = at.Column;
                        widest = Math.Max(widest, column);
                        Check(column, Math.Max(rowNumber, at.Row), reference ?? $"第 {rowNumber} 行第 {column} 列");
                        break;
                }
            }
        }

        static void Check(long columns, long rows, string where)
        {
            if (columns > MaxColumns)
            {
                throw new TooLargeException($"的工作表延伸到 {where}，{Columns((int)Math.Min(columns, int.MaxValue))}");
            }

            if (rows > MaxRows + 1)
            {
                throw new TooLargeException($"的工作表延伸到 {where}，超过 {MaxRows:N0} 行的上限");
            }

            if (columns * rows > MaxXlsxCells)
            {
                throw new TooLargeException($"的工作表延伸到 {where}，{columns} 列 × {rows} 行超过 {MaxXlsxCells:N0} 个单元格的上限");
            }
        }
    }

    /// <summary>An A1 reference as (column, row), both 1-based; a reference too long to be a cell's reads as beyond every limit.</summary>
    private static (long Column, long Row) Reference(string reference)
    {
        long column = 0, row = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = Math.Min(column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1), int.MaxValue);
        }

        for (; i < reference.Length && char.IsAsciiDigit(reference[i]); i++)
        {
            row = Math.Min(row * 10 + (reference[i] - '0'), int.MaxValue);
        }

        return (column, row);
    }

    /// <summary>Excel keeps dates as dates: written back as YYYY-MM-DD so one date parser reads both shapes.</summary>
    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static (TabularFile?, string?) ReadCsv(MemoryStream buffer)
    {
        var text = TextDecoding.Decode(buffer.ToArray(), out var problem);
        if (text is null)
        {
            return (null, "无法识别文件的文字编码：" + problem);
        }

        var records = ParseCsv(text);
        if (records.Count == 0)
        {
            return (null, "文件是空的，没有表头");
        }

        var header = records[0].Cells.Select(c => c.Trim().TrimStart('\uFEFF')).ToList();
        return (new TabularFile(header, records.Skip(1).ToList()), null);
    }

    /// <summary>
    /// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a row keeps its first line number. Blank
    /// records (every cell empty) are dropped as they are read — a file of blank lines kept a row object per line, 140 bytes
    /// of memory a byte read — and a record wider than <see cref="MaxColumns"/>, or past <see cref="MaxRows"/>, stops the read.
    /// </summary>
    internal static List<TabularRow> ParseCsv(string text)
    {
        var result = new List<TabularRow>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var rowLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    cells.Add(field.ToString());
                    field.Clear();
                    if (cells.Count >= MaxColumns)
                    {
                        throw new TooLargeException($"第 {rowLine} 行{Columns(cells.Count + 1)}");
                    }

                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(field.ToString());
                    field.Clear();
                    // A blank record's list is reused: a new one per blank line was most of the 140 bytes a byte.
                    if (Add(result, rowLine, cells))
                    {
                        cells = [];
                    }
                    else
                    {
                        cells.Clear();
                    }

                    line++;
                    rowLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            _ = Add(result, rowLine, cells);
        }

        return result;

        static bool Add(List<TabularRow> result, int line, List<string> cells)
        {
            if (!cells.Exists(c => c.Length > 0))
            {
                return false;
            }

            if (result.Count > MaxRows)
            {
                throw new TooLargeException($"超过 {MaxRows:N0} 行的上限（第 {line} 行）");
            }

            result.Add(new TabularRow(line, cells));
            return true;
        }
    }
}

/// <summary>One data row and the line (CSV) or sheet row (XLSX) it came from, counting the header as line 1.</summary>
public sealed record TabularRow(int Line, IReadOnlyList<string> Cells)
{
    public string Get(int column) => column >= 0 && column < Cells.Count ? Cells[column].Trim() : string.Empty;
}
