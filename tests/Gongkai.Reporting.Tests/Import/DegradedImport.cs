using System.Text;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Compares the import of a degraded file with the import of the original, cell by cell: a cell that
/// differs is excused only when a diagnostic names its row (or its table, where the table is one row or
/// absent) and says the reading is uncertain — not one that says the sums settled it.
/// </summary>
internal static class DegradedImport
{
    /// <summary>Codes that say a reading was not settled by the sums or the layout.</summary>
    private static readonly HashSet<string> Uncertain = ["GK4003", "GK4004", "GK4005", "GK4007", "GK4018", "GK4019", "GK4020"];

    /// <param name="ExactButFlagged">Cells read right in a row a diagnostic calls uncertain (the sums did not settle it).</param>
    public sealed record Outcome(int Cells, int Exact, List<string> Unexcused, List<string> Excused, ReadResult Result, int ExactButFlagged = 0);

    public static Outcome Compare(AnnualReport expected, string degraded, bool blankIsZero = false)
    {
        var result = ReportFileReader.Read(new UTF8Encoding(false).GetBytes(degraded));
        var unexcused = new List<string>();
        var excused = new List<string>();
        var cells = 0;
        var exact = 0;
        var exactButFlagged = 0;
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
                exactButFlagged += IsExcused(result.Diagnostics, table, key, label) ? 1 : 0;
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

        return new Outcome(cells, exact, unexcused, excused, result, exactButFlagged);
    }

    private static string Blank0(string value) => value.Length == 0 ? "0" : value;

    private static string Show(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// A diagnostic that says the sums or the kinds of the columns settled the reading (“唯一满足勾稽关系”,
    /// “唯一可行的放法”, a short row whose only reading is its cells in order, a table 四 row placed by its group totals alone) excuses nothing: a cell it got wrong is
    /// a figure silently wrong.
    /// </summary>
    private static bool Settled(Diagnostic d) =>
        d.Message.Contains("唯一满足勾稽关系", StringComparison.Ordinal) ||
        d.Message.Contains("唯一可行的放法", StringComparison.Ordinal) ||
        d.Message.Contains("按左对齐，缺少的单元格在末尾读作", StringComparison.Ordinal) ||
        d.Message.Contains("按各组总计的勾稽关系读作", StringComparison.Ordinal);

    private static bool IsExcused(IReadOnlyList<Diagnostic> diagnostics, string table, string key, string? label) =>
        diagnostics.Any(d => Uncertain.Contains(d.Code) && !Settled(d) && (
            d.Location.RowKey == key ||
            (d.Location.Table == table && d.Location.RowKey is null) ||
            (label is not null && d.Message.Contains(label, StringComparison.Ordinal)) ||
            (table != "三" && d.Message.Contains("表" + table, StringComparison.Ordinal)) ||
            (table == "四" && d.Message.Contains("行政复议、行政诉讼", StringComparison.Ordinal))));
}
