using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Validation;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 三 printed in the other layout than table 二 (GK4010). The rows of the two layouts differ only in （六）其他处理.
/// A report of 2021 or later with table 三 in the 2021 layout is read in the 2021 layout (the year and table 三
/// outweigh an old table 二, whose cells are kept only where both layouts mean the same); otherwise table 二 decides,
/// and table 三 is put in its layout: the 2021 （六）'s three sub-rows added up into the 2019 （六）其他处理, the 2019
/// （六）其他处理 counted under the 2021 （六）3.其他 (as the roll-up counts it, GK5001). Nothing printed in table 三 is
/// dropped, and the （七）总计 still adds up.
/// </summary>
public sealed class MixedLayoutTests
{
    private static readonly string Real = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-shs-2021-table2-2019-table3-2021.txt");

    /// <summary>The real report with its three （六） sub-rows changed from 0 to 1, 2 and 3 (and its 总计 to 6), so they show.</summary>
    private static string WithOtherSubRows()
    {
        var text = File.ReadAllText(Real)
            .Replace("逾期不补正、行政机关不再处理其政府信息公开申请0 0 0 0 0 00", "逾期不补正、行政机关不再处理其政府信息公开申请1 0 0 0 0 01", StringComparison.Ordinal)
            .Replace("缴纳费用、行政机关不再处理其政府信息公开申请0 0 0 0 0 00", "缴纳费用、行政机关不再处理其政府信息公开申请2 0 0 0 0 02", StringComparison.Ordinal)
            .Replace("其他0 0 0 0 0 00（七）总计0 0 0 0 0 00", "其他3 0 0 0 0 03（七）总计6 0 0 0 0 06", StringComparison.Ordinal);
        Assert.Contains("（七）总计6 0 0 0 0 06", text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public void Import_2021ReportWithOld2019Table2_ReadIn2021Layout()
    {
        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(WithOtherSubRows()));

        var report = result.Report!;
        Assert.Equal(2021, report.Year);
        Assert.Equal(ReportEdition.Edition2021, report.Edition);
        Assert.Equal(1, report.GetApplications(ApplicationKeys.OutcomeOtherCorrectionOverdue, ApplicantColumn.Total));
        Assert.Equal(2, report.GetApplications(ApplicationKeys.OutcomeOtherFeeUnpaid, ApplicantColumn.Total));
        Assert.Equal(3, report.GetApplications(ApplicationKeys.OutcomeOtherOther, ApplicantColumn.Total));
        Assert.Equal(6, report.GetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.Total));
        // Table 二: 本年处理决定数量 means the same in both layouts and is kept (行政处罚7400 → 74|0|0, 行政强制000);
        // 2019's 本年新制作数量 is not 2021's 本年制发件数: blank, not carried over under another meaning.
        Assert.Equal(CellValue.FromNumber(0), report.GetProactive("proactive.art20_6.penalty.decisions"));
        Assert.Equal(CellValue.FromNumber(0), report.GetProactive("proactive.art20_6.coercion.decisions"));
        Assert.True(report.GetProactive("proactive.art20_1.normative_docs.issued").IsBlank);
        Assert.Contains("按表三的格式读取", Assert.Single(result.Diagnostics, d => d.Code == "GK4010").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new ReportValidator().Validate(report), d => d.Code == "GK2002");
    }

    [Fact]
    public void Import_2020ReportWithTable3In2021Layout_SubRowsOfOtherAddedUp()
    {
        // The same report dated 2020: the 2019 layout is the year's, table 二 decides, the three sub-rows are added up.
        var text = WithOtherSubRows().Replace("2021年", "2020年", StringComparison.Ordinal);

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        var report = result.Report!;
        Assert.Equal(2020, report.Year);
        Assert.Equal(ReportEdition.Edition2019, report.Edition);
        Assert.Equal(6, report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.NaturalPerson));
        Assert.Equal(6, report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Total));
        Assert.Equal(0, report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Commercial));
        Assert.Equal(6, report.GetApplications(ApplicationKeys.OutcomeTotal, ApplicantColumn.Total));
        Assert.Contains("三个子项相加", Assert.Single(result.Diagnostics, d => d.Code == "GK4010").Message, StringComparison.Ordinal);
        // The outcomes add up to the printed （七）总计: no GK2002 blamed on the publisher for a row the importer dropped.
        Assert.DoesNotContain(new ReportValidator().Validate(report), d => d.Code == "GK2002");
    }

    [Fact]
    public void Import_RealMixedReport_EveryTable3RowRead()
    {
        var result = ReportFileReader.ReadFile(Real);

        var report = result.Report!;
        Assert.Equal(ReportEdition.Edition2021, report.Edition);
        // Every row of the 2021 table 三 has its seven cells, all printed 0 in this report.
        Assert.All(report.Schema.ApplicationDataRows, row => Assert.All(ApplicantColumns.All, c => Assert.Equal(0, report.GetApplications(row.Key!, c))));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4004" or "GK4005" && d.Location.Table == "三");
    }

    [Fact]
    public void Import_Table3In2019LayoutUnder2021Table2_OtherCountedUnderOtherOther()
    {
        // Table 二 in the 2021 layout, table 三 with the single 2019 （六）其他处理 row, printed 2; a 2021 report.
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "diagnostics", "GK4010.txt"));

        var report = result.Report!;
        Assert.Equal(ReportEdition.Edition2021, report.Edition);
        Assert.Equal(2, report.GetApplications(ApplicationKeys.OutcomeOtherOther, ApplicantColumn.NaturalPerson));
        Assert.Equal(2, report.GetApplications(ApplicationKeys.OutcomeOtherOther, ApplicantColumn.Total));
        // Sub-rows 1 and 2 were not printed: blank, not 0.
        Assert.Null(report.GetApplications(ApplicationKeys.OutcomeOtherCorrectionOverdue, ApplicantColumn.Total));
        Assert.Null(report.GetApplications(ApplicationKeys.OutcomeOtherFeeUnpaid, ApplicantColumn.Total));
        Assert.Contains("3.其他", Assert.Single(result.Diagnostics, d => d.Code == "GK4010").Message, StringComparison.Ordinal);
        Assert.DoesNotContain(new ReportValidator().Validate(report), d => d.Code is "GK2001" or "GK2002");
    }

    [Fact]
    public void Import_2021Table2AndTable3CutOffBeforeOther_NoMixedLayoutClaimed()
    {
        // The same report as a page store keeps it, cut off inside table 三 before its （六）: the print shows table 三 in
        // neither layout, so there is no GK4010 (it had said 表三却是2019 年版格式); table 四 is absent (GK4003).
        var lines = File.ReadAllLines(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "diagnostics", "GK4010.txt"));
        var cut = string.Join('\n', lines.TakeWhile(l => !l.Contains("（六）其他处理", StringComparison.Ordinal)));

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(cut));

        var report = result.Report!;
        Assert.Equal(ReportEdition.Edition2021, report.Edition);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4010");
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4003" && d.Location.Table == "四");
        Assert.Null(report.GetApplications(ApplicationKeys.OutcomeOtherOther, ApplicantColumn.Total));
    }

    private static string Review(string name) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "review", name);

    [Theory]
    [InlineData("A1-wrapped.txt")] // the sub-row labels wrapped by a converter (…逾 / 期不补正…)
    [InlineData("A2-cut.txt")] // the labels cut short
    public void Import_2021Table3WithSubRowLabelsWrappedOrCut_SubRowsAsPrinted(string file)
    {
        var result = ReportFileReader.ReadFile(Review(file));

        var report = result.Report!;
        Assert.Equal(ReportEdition.Edition2021, report.Edition);
        Assert.Equal(2, report.GetApplications(ApplicationKeys.OutcomeOtherCorrectionOverdue, ApplicantColumn.Total));
        Assert.Equal(1, report.GetApplications(ApplicationKeys.OutcomeOtherFeeUnpaid, ApplicantColumn.Total));
        Assert.Equal(1, report.GetApplications(ApplicationKeys.OutcomeOtherOther, ApplicantColumn.Total));
        Assert.DoesNotContain(new ReportValidator().Validate(report), d => d.Code == "GK2002");
    }

    [Theory]
    [InlineData("B1-2019-note.txt")] // 注：（六）其他处理4件均为申请人逾期不补正的申请。
    [InlineData("B2-2019-label.txt")] // （六）其他处理（申请人逾期不补正等）
    public void Import_2019Table3NamingASubRowInWords_OtherRowKept(string file)
    {
        var result = ReportFileReader.ReadFile(Review(file));

        var report = result.Report!;
        // A 2019 table 三 that names a 2021 sub-row in words is no table in the other layout.
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4010" or "GK4004");

        Assert.Equal(ReportEdition.Edition2019, report.Edition);
        Assert.Equal(4, report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.Total));
        Assert.Equal(4, report.GetApplications(ApplicationKeys.OutcomeOther2019, ApplicantColumn.NaturalPerson));
    }
}
