using Gongkai.Domain.Reports;
using Gongkai.Reporting.Import;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>The batch importer's CSV: what a published file prints cannot become a spreadsheet formula; numbers stay numbers.</summary>
public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=1+1示例局", "'=1+1示例局")]
    [InlineData("@SUM(A1)示例局", "'@SUM(A1)示例局")]
    [InlineData("+示例局", "'+示例局")]
    [InlineData("-示例局", "'-示例局")]
    [InlineData("=HYPERLINK(\"http://x\",\"点\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点\"\")\"")]
    [InlineData("示例市=局", "示例市=局")]
    [InlineData("-12", "-12")]
    [InlineData("+3", "+3")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("", "")]
    public void Quote_FormulaTextNeutralised_NumbersAsWritten(string value, string expected) =>
        Assert.Equal(expected, CsvExport.Quote(value));

    [Fact]
    public void Row_AgencyNameAFormula_Neutralised_ANegativeChangeStaysANumber()
    {
        var report = RandomReports.Create(3, ReportEdition.Edition2019);
        report.Agency = "=1+1示例局";
        report.SetProactive("proactive2019.art20_5.licensing.delta", CellValue.FromNumber(-12m));

        var cells = CsvExport.Row("=cmd.txt", ImportStatus.Clean, report, []).Split(',');
        var header = CsvExport.Header().Split(',');

        Assert.Equal("'=cmd.txt", cells[0]);
        Assert.Equal("'=1+1示例局", cells[Array.IndexOf(header, "agency")]);
        Assert.Equal("-12", cells[Array.IndexOf(header, "proactive2019.art20_5.licensing.delta")]);
    }
}
