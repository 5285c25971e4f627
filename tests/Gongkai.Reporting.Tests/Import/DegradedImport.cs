using System.Text;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Compares the import of a degraded file with the import of the original, cell by cell: a cell that
/// differs is excused only when a diagnostic says the reading of its row (or table) is uncertain.
/// </summary>
internal static class DegradedImport
{
    /// <summary>Codes that say a reading was not settled by the sums or the layout.</summary>
    private static readonly HashSet<string> Uncertain = ["GK4003", "GK4004", "GK4005", "GK4007", "GK4018", "GK4019", "GK4020"];

    public sealed record Outcome(int Cells, int Exact, List<string> Unexcused, List<string> Excused, ReadResult Result);

    public static Outcome Compare(AnnualReport expected, string degraded, bool blankIsZero = false)
    {
        var result = ReportFileReader.Read(new UTF8Encoding(false).GetBytes(degraded));
        var unexcused = new List<string>();
        var excused = new List<string>();
        var cells = 0;
        var exact = 0;
        if (result.Report is not { } actual)
        {
            return new Outcome(1, 0, ["no report: " + string.Join(" | ", result.Diagnostics)], [], result);
        }

        void Check(string table, string key, string? label, string want, string got)
        {
            cells++;
            if (want == got || (blankIsZero && Blank0(want) == Blank0(got)))
            {
                exact++;
                return;
            }

            var line = $"{table} {key}: expected {want}, got {got}";
            (IsExcused(result.Diagnostics, table, key, label) ? excused : unexcused).Add(line);
        }

        if (actual.Edition != expected.Edition)
        {
            return new Outcome(1, 0, [$"edition {actual.Edition} != {expected.Edition}: " + string.Join(" | ", result.Diagnostics)], [], result);
        }

        Check("meta", "agency", null, expected.Agency ?? "", actual.Agency ?? "");
        Check("meta", "year", null, expected.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", actual.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        foreach (var key in expected.Schema.ProactiveKeys)
        {
            var label = expected.Schema.ProactiveBlocks.SelectMany(b => b.Rows).First(r => key.StartsWith(r.KeyStem + ".", StringComparison.Ordinal)).Label;
            Check("二", key, "“" + label + "”", expected.GetProactive(key).ToString(), actual.GetProactive(key).ToString());
        }

        foreach (var row in expected.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                Check("三", row.Key!, row.Label, Show(expected.GetApplications(row.Key!, column)), Show(actual.GetApplications(row.Key!, column)));
            }
        }

        foreach (var column in expected.Schema.ReviewColumns)
        {
            Check("四", column.Key, null, Show(expected.GetReview(column.Key)), Show(actual.GetReview(column.Key)));
        }

        return new Outcome(cells, exact, unexcused, excused, result);
    }

    private static string Blank0(string value) => value.Length == 0 ? "0" : value;

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static bool IsExcused(IReadOnlyList<Diagnostic> diagnostics, string table, string key, string? label) =>
        diagnostics.Any(d => Uncertain.Contains(d.Code) && (
            d.Location.RowKey == key ||
            (d.Location.Table == table && d.Location.RowKey is null) ||
            (label is not null && d.Message.Contains(label, StringComparison.Ordinal)) ||
            (table != "三" && d.Message.Contains("表" + table, StringComparison.Ordinal)) ||
            (table == "四" && d.Message.Contains("行政复议、行政诉讼", StringComparison.Ordinal))));
}
