using System.Text;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Import;

/// <summary>
/// One CSV row per report, one column per canonical key of both editions (a key the report's edition
/// does not have stays empty). Blank cells are empty; numbers keep their written digits.
/// </summary>
public static class CsvExport
{
    private static readonly string[] ProactiveKeys =
        [.. ReportSchema.Edition2021.ProactiveKeys, .. ReportSchema.Edition2019.ProactiveKeys];

    private static readonly string[] RowKeys = ReportSchema.Edition2021.ApplicationDataRows.Select(r => r.Key!)
        .Concat(ReportSchema.Edition2019.ApplicationDataRows.Select(r => r.Key!))
        .Distinct()
        .ToArray();

    private static readonly string[] ReviewKeys = ReportSchema.Edition2021.ReviewColumns.Select(c => c.Key).ToArray();

    public static string Header() => string.Join(',', new[] { "file", "status", "edition", "agency", "year", "errors", "warnings" }
        .Concat(ProactiveKeys)
        .Concat(RowKeys.SelectMany(r => ApplicantColumns.All.Select(c => r + "@" + c.Key())))
        .Concat(ReviewKeys)
        .Select(Quote));

    public static string Row(string file, ImportStatus status, AnnualReport? report, IReadOnlyList<Diagnostic> diagnostics)
    {
        var cells = new List<string>
        {
            file,
            status.ToString().ToLowerInvariant(),
            report?.Edition.ToCode() ?? string.Empty,
            report?.Agency ?? string.Empty,
            report?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            diagnostics.Count(d => d.Severity == Severity.Error).ToString(System.Globalization.CultureInfo.InvariantCulture),
            diagnostics.Count(d => d.Severity == Severity.Warning).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var schema = report?.Schema;
        cells.AddRange(ProactiveKeys.Select(k => schema is not null && schema.IsProactiveKey(k) ? report!.GetProactive(k).ToString() : string.Empty));
        foreach (var row in RowKeys)
        {
            var has = schema is not null && schema.IsApplicationRowKey(row);
            cells.AddRange(ApplicantColumns.All.Select(c => has ? Show(report!.GetApplications(row, c)) : string.Empty));
        }

        cells.AddRange(ReviewKeys.Select(k => report is null ? string.Empty : Show(report.GetReview(k))));
        return string.Join(',', cells.Select(Quote));
    }

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>
    /// One cell: text that a spreadsheet would take for a formula (an agency or file name from a published file:
    /// <c>=1+1示例局</c>) gets a leading apostrophe; a number (<c>-12</c>, a 本年增/减) is written as it is.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return value;
        }

        var sb = new StringBuilder("\"");
        sb.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        return sb.Append('"').ToString();
    }
}
