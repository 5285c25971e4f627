using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// import(render(report)) == report: filled reports rendered with the project's own renderers, then
/// perturbed as government sites do, then imported. Each case is one named test.
/// </summary>
public sealed class RoundTripTests
{
    private static readonly Dictionary<string, Func<AnnualReport>> Reports = new()
    {
        ["qingtongxia-2021"] = SampleReports.Qingtongxia2021,
        ["clean-2019"] = SampleReports.Clean2019,
        ["random-2021-a"] = () => RandomReports.Create(7, ReportEdition.Edition2021),
        ["random-2021-b"] = () => RandomReports.Create(42, ReportEdition.Edition2021),
        ["random-2019"] = () => RandomReports.Create(11, ReportEdition.Edition2019),
        ["blanks-2021"] = () => RandomReports.Create(5, ReportEdition.Edition2021, blankShare: 0.3),
        ["blanks-2019"] = () => RandomReports.Create(1000, ReportEdition.Edition2019, blankShare: 0.3),
    };

    /// <summary>Case → (report, shape of the bytes, whether narrative sections survive verbatim).</summary>
    private static readonly Dictionary<string, (string Report, Func<AnnualReport, byte[]> Make, bool Sections)> Cases = new()
    {
        ["Md_Seed004Figures"] = ("qingtongxia-2021", r => Utf8(Render(r, RenderFormat.Markdown)), true),
        ["Md_2019Edition"] = ("clean-2019", r => Utf8(Render(r, RenderFormat.Markdown)), true),
        ["Md_Random2021"] = ("random-2021-a", r => Utf8(Render(r, RenderFormat.Markdown)), true),
        ["Md_TraditionalCharacters"] = ("random-2021-b", r => Utf8(Perturb.ToTraditional(Render(r, RenderFormat.Markdown))), false),
        ["Html_Seed004Figures"] = ("qingtongxia-2021", r => Utf8(Render(r, RenderFormat.Html)), true),
        ["Html_2019Edition"] = ("clean-2019", r => Utf8(Render(r, RenderFormat.Html)), true),
        ["Html_InSiteChromeWithLayoutTable"] = ("random-2021-a", r => Utf8(Perturb.InSiteChrome(Render(r, RenderFormat.Html))), true),
        ["Html_BlankAsDashBrNbspUpperCase"] = ("blanks-2021", r => Utf8(Perturb.HtmlAsSitesWriteIt(Render(r, RenderFormat.Html))), true),
        ["Html_ChromeGbk"] = ("random-2019", r => Perturb.Encode(Perturb.InSiteChrome(Render(r, RenderFormat.Html)).Replace("utf-8", "gb2312", StringComparison.Ordinal), Gb18030(), false), true),
        ["Html_Traditional"] = ("random-2021-b", r => Utf8(Perturb.ToTraditional(Perturb.InSiteChrome(Render(r, RenderFormat.Html)))), false),
        ["Txt_Seed004Figures"] = ("qingtongxia-2021", r => Utf8(Render(r, RenderFormat.Text)), true),
        ["Txt_2019Edition"] = ("clean-2019", r => Utf8(Render(r, RenderFormat.Text)), true),
        ["Txt_BlankCells"] = ("blanks-2021", r => Utf8(Render(r, RenderFormat.Text)), true),
        ["Txt_Gbk"] = ("random-2021-a", r => Perturb.Encode(Render(r, RenderFormat.Text), Gb18030(), false), true),
        ["Txt_Utf8Bom"] = ("random-2021-b", r => Perturb.Encode(Render(r, RenderFormat.Text), new UTF8Encoding(true), true), true),
        ["Txt_Utf16LeBom"] = ("random-2019", r => Perturb.Encode(Render(r, RenderFormat.Text), Encoding.Unicode, true), true),
        ["Txt_Utf16BeBom"] = ("clean-2019", r => Perturb.Encode(Render(r, RenderFormat.Text), Encoding.BigEndianUnicode, true), true),
        ["Txt_Utf16NoBom"] = ("qingtongxia-2021", r => Perturb.Encode(Render(r, RenderFormat.Text), Encoding.Unicode, false), true),
        ["Txt_Crlf"] = ("random-2021-a", r => Utf8(Perturb.Crlf(Render(r, RenderFormat.Text))), true),
        ["Txt_FullWidthDigitsHalfWidthBracketsSpacedTitle"] = ("random-2021-b", r => Utf8(Perturb.Variants(Render(r, RenderFormat.Text))), false),
        ["Txt_SplitAndShiftedRows"] = ("qingtongxia-2021", r => Utf8(Perturb.SplitRows(Render(r, RenderFormat.Text))), true),
        ["Txt_SplitAndShiftedRowsRandom"] = ("random-2021-a", r => Utf8(Perturb.SplitRows(Render(r, RenderFormat.Text))), true),
        ["Txt_SpaceAlignedColumns"] = ("random-2021-b", r => Utf8(Perturb.SpaceAligned(Render(r, RenderFormat.Text))), true),
        ["Txt_SpaceAligned2019"] = ("random-2019", r => Utf8(Perturb.SpaceAligned(Render(r, RenderFormat.Text))), true),
        ["Txt_OneCellPerLine"] = ("random-2021-a", r => Utf8(Perturb.OneCellPerLine(Render(r, RenderFormat.Text))), true),
        ["Txt_OneCellPerLine2019"] = ("clean-2019", r => Utf8(Perturb.OneCellPerLine(Render(r, RenderFormat.Text))), true),
        ["Txt_OneCellPerLineBlankLines"] = ("blanks-2021", r => Utf8(Perturb.OneCellPerLineBlankLines(Render(r, RenderFormat.Text))), true),
        ["Txt_OneCellPerLineBlankLinesFilled"] = ("random-2021-a", r => Utf8(Perturb.OneCellPerLineBlankLines(Render(r, RenderFormat.Text))), true),
        ["Txt_RunningText"] = ("qingtongxia-2021", r => Utf8(Perturb.RunningText(Render(r, RenderFormat.Text))), true),
        ["Txt_RunningTextRandom"] = ("random-2021-b", r => Utf8(Perturb.RunningText(Render(r, RenderFormat.Text))), true),
        ["Txt_ThousandsSeparators"] = ("random-2021-a", r => Utf8(Perturb.ThousandsSeparators(Render(r, RenderFormat.Text))), true),
        ["Txt_DigitsRunTogether"] = ("qingtongxia-2021", r => Utf8(Render(r, RenderFormat.Text).Replace("一、本年新收政府信息公开申请数量\t\t\t20\t0\t0\t0\t0\t0\t20", "一、本年新收政府信息公开申请数量 200000020", StringComparison.Ordinal)), true),
        ["Docx_Seed004Figures"] = ("qingtongxia-2021", r => Docx(r), true),
        ["Docx_2019Edition"] = ("clean-2019", r => Docx(r), true),
        ["Docx_BlankCells"] = ("blanks-2021", r => Docx(r), true),
        ["Docx_Random2019"] = ("random-2019", r => Docx(r), true),
        ["Json_Canonical"] = ("random-2021-b", r => Utf8(CanonicalJsonWriter.Write(r)), true),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Import_RenderedAndPerturbed_EqualsSource(string name)
    {
        var (reportName, make, sections) = Cases[name];
        var source = Reports[reportName]();

        var result = ReportFileReader.Read(make(source));

        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        AssertSameReport(source, result.Report, sections);
    }

    public static TheoryData<string, string> PdfCases() => new()
    {
        { "qingtongxia-2021", "docx" },
        { "random-2019", "docx" },
        { "random-2021-a", "html" },
        { "blanks-2021", "docx" },
        { "blanks-2019", "docx" },
    };

    [RequiresToolsTheory("apt-get install libreoffice-writer-nogui poppler-utils", "libreoffice", "pdftotext")]
    [MemberData(nameof(PdfCases))]
    public void Import_PdfFromLibreOffice_EqualsSourceTables(string reportName, string via)
    {
        var source = Reports[reportName]();
        var dir = Directory.CreateTempSubdirectory("gongkai-pdf-");
        try
        {
            var input = Path.Combine(dir.FullName, "report." + via);
            if (via == "docx")
            {
                File.WriteAllBytes(input, Docx(source));
            }
            else
            {
                File.WriteAllText(input, Render(source, RenderFormat.Html));
            }

            Tools.Run("libreoffice", dir.FullName, "--headless", "-env:UserInstallation=file://" + dir.FullName + "/profile", "--convert-to", "pdf", "--outdir", dir.FullName, input);
            var result = ReportFileReader.ReadFile(Path.Combine(dir.FullName, "report.pdf"));

            Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
            AssertSameReport(source, result.Report, sections: false);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Import_BlankTemplate_EveryCellBlank()
    {
        foreach (var edition in new[] { ReportEdition.Edition2019, ReportEdition.Edition2021 })
        {
            var template = new AnnualReport(edition);
            var result = ReportFileReader.Read(Utf8(Render(template, RenderFormat.Text)));

            Assert.NotNull(result.Report);
            Assert.Equal(edition, result.Report.Edition);
            Assert.All(result.Report.ApplicationCells(), c => Assert.Null(c.Value));
            Assert.All(template.Schema.ProactiveKeys, k => Assert.True(result.Report.GetProactive(k).IsBlank));
        }
    }

    private static void AssertSameReport(AnnualReport expected, AnnualReport actual, bool sections)
    {
        ReportAssert.SameFigures(expected, actual);

        if (sections)
        {
            Assert.Equal(expected.Sections.Sec1, actual.Sections.Sec1);
            Assert.Equal(expected.Sections.Sec5, actual.Sections.Sec5);
            Assert.Equal(expected.Sections.Sec6, actual.Sections.Sec6);
        }
        else
        {
            Assert.Equal(Squash(expected.Sections.Sec1).Length, Squash(actual.Sections.Sec1).Length);
        }
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Render(AnnualReport report, RenderFormat format) => ReportRenderer.RenderToString(report, format);

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static byte[] Docx(AnnualReport report)
    {
        using var stream = new MemoryStream();
        ReportRenderer.Render(report, RenderFormat.Docx, stream);
        return stream.ToArray();
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
