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
            return fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(buffer) : ReadCsv(buffer);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or FormatException
            or System.Xml.XmlException or NotSupportedException or ArgumentException)
        {
            return (null, $"无法读取文件“{Path.GetFileName(fileName)}”：{ex.Message}");
        }
    }

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

        var rows = new List<TabularRow>();
        IReadOnlyList<string>? header = null;
        var line = 0;
        foreach (IDictionary<string, object?> row in buffer.Query(useHeaderRow: false))
        {
            line++;
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
        var rows = records.Skip(1).Where(r => r.Cells.Any(c => c.Length > 0)).ToList();
        return (new TabularFile(header, rows), null);
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a row keeps its first line number.</summary>
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
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(field.ToString());
                    field.Clear();
                    result.Add(new TabularRow(rowLine, cells));
                    cells = [];
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
            result.Add(new TabularRow(rowLine, cells));
        }

        return result;
    }
}

/// <summary>One data row and the line (CSV) or sheet row (XLSX) it came from, counting the header as line 1.</summary>
public sealed record TabularRow(int Line, IReadOnlyList<string> Cells)
{
    public string Get(int column) => column >= 0 && column < Cells.Count ? Cells[column].Trim() : string.Empty;
}
