using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Table 三 printed in the other layout than the report's (2019 / 2021, GK4010): the rows of both layouts are the
/// same but for （六）其他处理, so it is read in the layout printed and put in the report's.
/// </summary>
internal static class Table3Layouts
{
    /// <param name="cellsMayRunTogether">The text was saved as running text (one line), where a number may be several cells whose separators and blanks were lost.</param>
    public static void Read(IReadOnlyList<TableToken> tokens, AnnualReport report, List<Diagnostic> diagnostics, bool cellsMayRunTogether = false)
    {
        // Read in the report's layout first; when the other layout's reading has （六） rows of its own (and,
        // for a 2021 report, its own reading has none), that reading is put in the report's layout: the 2021 （六）'s three
        // sub-rows added up into the 2019 （六）其他处理; the 2019 （六）其他处理 counted under the 2021 （六）3.其他, as the
        // roll-up counts it (GK5001), its sub-rows 1 and 2 left blank. So the （七）总计 still adds up, and nothing printed
        // is dropped. A note that merely names a sub-row (注：…逾期不补正…) gives no row of its own, and changes nothing.
        var read = new List<Diagnostic>();
        ApplicationsTableReader.Read(tokens, report, read, cellsMayRunTogether);
        var printed2021 = Printed2021(tokens);
        if (report.Edition == ReportEdition.Edition2019 && printed2021)
        {
            var as2021 = new AnnualReport(ReportEdition.Edition2021);
            var found = new List<Diagnostic>();
            ApplicationsTableReader.Read(tokens, as2021, found, cellsMayRunTogether);
            if (OtherSubRows.Any(k => !IsBlank(as2021, k)))
            {
                diagnostics.AddRange(found);
                CopyRows(as2021, report, (ApplicationKeys.OutcomeOther2019, OtherSubRows));
                return;
            }
        }
        else if (report.Edition == ReportEdition.Edition2021 && !printed2021 && OtherSubRows.All(k => IsBlank(report, k)))
        {
            var as2019 = new AnnualReport(ReportEdition.Edition2019);
            var found = new List<Diagnostic>();
            ApplicationsTableReader.Read(tokens, as2019, found, cellsMayRunTogether);
            if (!IsBlank(as2019, ApplicationKeys.OutcomeOther2019))
            {
                diagnostics.AddRange(found);
                CopyRows(as2019, report, (ApplicationKeys.OutcomeOtherOther, [ApplicationKeys.OutcomeOther2019]));
                return;
            }
        }

        diagnostics.AddRange(read);
    }

    /// <summary>
    /// Whether table 三 is printed in the 2021 layout: a label of one of its three （六） sub-rows, also when a converter
    /// wrapped it (…逾 / 期不补正…).
    /// </summary>
    public static bool Printed2021(IReadOnlyList<TableToken> tokens) =>
        tokens.Any(t => t.Kind == TokenKind.Text && ApplicationLabels.Is2021Signal(t.Text)) ||
        ConvertedTableRows.JoinWrappedLabels(tokens, ReportEdition.Edition2021).Any(t => t.Kind == TokenKind.Text && ApplicationLabels.Is2021Signal(t.Text));

    /// <summary>
    /// Whether table 三 is printed in the 2019 layout: its （六）其他处理 is printed, and none of the 2021 sub-rows. A table
    /// that stops before （六） (cut off) is in neither layout as far as the print shows.
    /// </summary>
    public static bool Printed2019(IReadOnlyList<TableToken> tokens) =>
        !Printed2021(tokens) && tokens.Any(t => t.Kind == TokenKind.Text && ApplicationLabels.IsOtherProcessing(t.Text));

    private static readonly string[] OtherSubRows = [ApplicationKeys.OutcomeOtherCorrectionOverdue, ApplicationKeys.OutcomeOtherFeeUnpaid, ApplicationKeys.OutcomeOtherOther];

    private static bool IsBlank(AnnualReport report, string row) => ApplicantColumns.All.All(c => report.GetApplications(row, c) is null);

    /// <summary>Every table 三 row from <paramref name="from"/> to <paramref name="to"/> (same keys), and one row of <paramref name="to"/> as the sum of rows of <paramref name="from"/> (blank when all are blank).</summary>
    private static void CopyRows(AnnualReport from, AnnualReport to, (string Row, string[] Sum) mapped)
    {
        foreach (var row in to.Schema.ApplicationDataRows.Select(r => r.Key!))
        {
            foreach (var column in ApplicantColumns.All)
            {
                var value = row == mapped.Row
                    ? mapped.Sum.Select(k => from.GetApplications(k, column)).Aggregate((int?)null, (sum, v) => v is null ? sum : (sum ?? 0) + v)
                    : from.Schema.IsApplicationRowKey(row) ? from.GetApplications(row, column) : null;
                to.SetApplications(row, column, value);
            }
        }
    }
}
