using System.Text;
using MiniExcelLibs;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// The queue as a spreadsheet: the filtered, sorted list (all of it, not one page), as .xlsx or as CSV. The CSV is
/// UTF-8 with a byte-order mark (Excel otherwise reads Chinese as the system code page) and formula-safe: a cell
/// starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe, so an applicant's name or
/// request typed as <c>=HYPERLINK(…)</c> is shown as text, never run as a formula (CSV injection).
/// </summary>
public static class QueueExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Headers = ["受理编号", "收到日期", "申请人", "申请人类别", "所需信息", "状态", "承办人", "答复期限", "提示"];

    public static IEnumerable<string[]> Cells(IEnumerable<CaseQueue.Row> rows, Func<string?, string> officerName) =>
        rows.Select(r => new[] { r.TrackingNumber, r.ReceivedText, r.Applicant, r.Category, r.Request, r.State, officerName(r.Officer), r.DueText, r.Flag });

    public static byte[] Csv(IEnumerable<string[]> cells)
    {
        var sb = new StringBuilder();
        foreach (var line in cells.Prepend([.. Headers]))
        {
            sb.AppendJoin(',', line.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<string[]> cells, string sheetName)
    {
        var rows = cells.Select(line =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < Headers.Count; i++)
            {
                row[Headers[i]] = line[i];
            }

            return row;
        }).ToList();
        using var stream = new MemoryStream();
        if (rows.Count == 0)
        {
            // MiniExcel writes no header row for an empty list: the header alone, so the file still says what it is.
            stream.SaveAs(new[] { Headers.ToDictionary(h => h, h => (object?)h) }, printHeader: false, sheetName: sheetName);
        }
        else
        {
            stream.SaveAs(rows, sheetName: sheetName);
        }

        return stream.ToArray();
    }

    /// <summary>One CSV cell: neutralised if it could start a formula, quoted if it holds a comma, quote or line break.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
