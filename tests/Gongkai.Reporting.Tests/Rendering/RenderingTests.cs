using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Rendering;
using Gongkai.Reporting.Rendering.Layout;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Rendering;

public sealed class RenderingTests
{
    [Theory]
    [InlineData(RenderFormat.Markdown, "qingtongxia-2021.md")]
    [InlineData(RenderFormat.Html, "qingtongxia-2021.html")]
    [InlineData(RenderFormat.Text, "qingtongxia-2021.txt")]
    public void Render_SeedReport_MatchesGolden(RenderFormat format, string golden)
    {
        GoldenFiles.AssertMatches(golden, ReportRenderer.RenderToString(SampleReports.Qingtongxia2021(), format));
    }

    [Fact]
    public void RenderDocx_SeedReport_DocumentXmlMatchesGolden()
    {
        var xml = DocxRenderer.DocumentXml(ReportLayoutBuilder.Build(SampleReports.Qingtongxia2021()));

        GoldenFiles.AssertMatches("qingtongxia-2021.docx.xml", xml.Replace("><", ">\n<", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderDocx_SeedReport_OpensWithA4AndMergedHeaderCells()
    {
        using var stream = new MemoryStream();
        ReportRenderer.Render(SampleReports.Qingtongxia2021(), RenderFormat.Docx, stream);
        stream.Position = 0;

        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var size = body.Descendants<PageSize>().Single();
        Assert.Equal(11906U, size.Width!.Value);
        Assert.Equal(16838U, size.Height!.Value);

        var tables = body.Elements<Table>().ToArray();
        Assert.Equal(3, tables.Length);
        var applications = tables[1];
        Assert.Contains(applications.Descendants<GridSpan>(), g => g.Val! == 7);
        Assert.Contains(applications.Descendants<VerticalMerge>(), v => v.Val is not null && v.Val.Value == MergedCellValues.Restart);
        Assert.Contains("15954.526468", body.InnerText, StringComparison.Ordinal);
        Assert.Equal(4 + 25, applications.Elements<TableRow>().Count() + 1);
    }

    [Theory]
    [InlineData("seed-2021")]
    [InlineData("random-2019")]
    [InlineData("random-2021-blanks")]
    public void RenderDocx_ValidatesAgainstTheOpenXmlSchema(string which)
    {
        var report = which switch
        {
            "seed-2021" => SampleReports.Qingtongxia2021(),
            "random-2019" => RandomReports.Create(7, ReportEdition.Edition2019),
            _ => RandomReports.Create(8, ReportEdition.Edition2021, blankShare: 0.3),
        };
        using var stream = new MemoryStream();
        ReportRenderer.Render(report, RenderFormat.Docx, stream);
        stream.Position = 0;

        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => e.Description + " @ " + e.Path?.XPath).ToList();

        Assert.True(errors.Count == 0, $"{errors.Count} schema errors:\n" + string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void RenderHtml_ApplicationsTable_HasOfficialMergedHeaders()
    {
        var html = ReportRenderer.RenderToString(SampleReports.Qingtongxia2021(), RenderFormat.Html);

        Assert.Contains("<th rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th colspan=\"7\">申请人情况</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"label\" rowspan=\"22\">三、本年度办理结果</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"label\" rowspan=\"8\">（三）不予公开</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th colspan=\"10\">行政诉讼</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_BlankAndZero_BlankStaysBlankZeroPrintsZero()
    {
        var report = SampleReports.Qingtongxia2021();
        report.SetApplications("apps.outcome.partial", ApplicantColumn.Research, null);

        var text = ReportRenderer.RenderToString(report, RenderFormat.Text);

        Assert.Contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t0\t0\t\t0\t0\t0\t0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileNarrative_IsEscaped()
    {
        var report = SampleReports.Qingtongxia2021();
        report.Sections.Sec5 = "<script>alert(1)</script> & \"引号\"";

        var html = ReportRenderer.RenderToString(report, RenderFormat.Html);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_2019Edition_OtherOutcomeIsOneDataRow()
    {
        var table = ReportLayoutBuilder.ApplicationsTable(new AnnualReport(ReportEdition.Edition2019));
        var matrix = table.ToMatrix();

        Assert.Equal(3 + 23, matrix.Length);
        Assert.Contains(matrix, row => row[1] == "（六）其他处理" && row[2] == string.Empty);
        Assert.DoesNotContain(matrix, row => row[2] == "3.其他");
    }
}
