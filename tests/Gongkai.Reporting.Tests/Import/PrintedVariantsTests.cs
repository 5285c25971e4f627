using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Parsing.Text;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// How agencies really print their reports — units in cells, run-together procurement rows, reworded headings, cover
/// letters, colophons after the signature — found by reading real reports by hand (Fixtures/real), generated here one
/// behaviour a test; and the other shapes those readings must leave as they were.
/// </summary>
public sealed class PrintedVariantsTests
{
    [Theory]
    [InlineData("161089059", 16, 1089059)] // a real report; its page.html prints 16 and 1089059
    [InlineData("1018703", 10, 18703)]
    [InlineData("3250000", 3, 250000)]
    [InlineData("（元）6675809", 6, 675809)] // a real report prints the amount's unit with the row's label
    public void RunningText_ProcurementCountAndAmountRunTogether_SplitByAmountAProjectAndFlagged(string run, int items, int amount)
    {
        var oneLine = Degrade.OneLine(Render(SampleReports.Clean2019()));
        var runTogether = System.Text.RegularExpressions.Regex.Replace(oneLine, @"政府集中采购\s+\S+\s+[\d.]+元?", "政府集中采购" + run);
        Assert.NotEqual(oneLine, runTogether);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(runTogether));

        Assert.Equal(items.ToString(CultureInfo.InvariantCulture), result.Report!.GetProactive("proactive2019.art20_9.central_procurement.items").ToString());
        Assert.Equal(amount.ToString(CultureInfo.InvariantCulture), result.Report.GetProactive("proactive2019.art20_9.central_procurement.amount").ToString());
        var flag = Assert.Single(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("政府集中采购", StringComparison.Ordinal));
        Assert.Contains("请核对原文", flag.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SpacedCells_CountPrintedWithMeasureWord_ReadAsCount(bool oneLine)
    {
        // A real 2020 department report: "政府集中采购 2笔 984361元" — cells apart, each with its unit; on one line as
        // the crawler left it, or on a line of its own with single spaces.
        var original = SampleReports.Clean2019();
        var text = Render(original);
        var amount = original.GetProactive("proactive2019.art20_9.central_procurement.amount");
        var row = text.Split('\n').First(l => l.StartsWith("政府集中采购", StringComparison.Ordinal));
        var withUnits = text.Replace(row, $"政府集中采购 2笔 {amount}元", StringComparison.Ordinal);
        withUnits = oneLine ? Degrade.OneLine(withUnits) : withUnits;
        Assert.NotEqual(text, withUnits);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(withUnits));

        Assert.Equal("2", result.Report!.GetProactive("proactive2019.art20_9.central_procurement.items").ToString());
        Assert.Equal(amount, result.Report.GetProactive("proactive2019.art20_9.central_procurement.amount"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("2笔", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("一、总体情况", "一总体情况")] // the 、 lost
    [InlineData("一、总体情况", "一、概述")]
    [InlineData("一、总体情况", "一、政府信息公开工作的基本情况")]
    [InlineData("一、总体情况", "一、基本工作情况")]
    [InlineData("一、总体情况", "一、总体公开情况")]
    [InlineData("五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施")]
    [InlineData("五、存在的主要问题及改进情况", "五、当前存在的突出问题")]
    [InlineData("六、其他需要报告的事项", "六、需要说明的其他事项与附表")]
    [InlineData("六、其他需要报告的事项", "六、其他需报告的事项")]
    public void RunningText_HeadingReworded_SectionAndTablesFound(string heading, string printed)
    {
        var original = SampleReports.Qingtongxia2021();
        var oneLine = Degrade.OneLine(Render(original));
        var reworded = oneLine.Replace(heading, printed, StringComparison.Ordinal);
        Assert.NotEqual(oneLine, reworded);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(reworded));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4002" or "GK4003");
        var report = result.Report!;
        Assert.Equal(Compact(original.Sections.Sec1), Compact(report.Sections.Sec1));
        Assert.Equal(Compact(original.Sections.Sec5), Compact(report.Sections.Sec5));
        Assert.Equal(Compact(original.Sections.Sec6), Compact(report.Sections.Sec6));
        foreach (var column in report.Schema.ReviewColumns)
        {
            Assert.Equal(original.GetReview(column.Key), report.GetReview(column.Key));
        }
    }

    /// <summary>
    /// Table 三 as pdftotext -layout prints it: columns aligned with spaces, a blank cell no token at all, each header
    /// and number centred in its column. The sums cannot tell 法律服务机构 from 商业企业 here (every row's 1 is in the same
    /// column); the headers above the numbers can.
    /// </summary>
    [Fact]
    public void LayoutText_BlankCellsInTable三_PlacedUnderTheirHeaders()
    {
        var original = SampleReports.Qingtongxia2021();
        foreach (var row in original.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                original.SetApplications(row.Key!, column, null);
            }
        }

        foreach (var key in new[] { "apps.new_received", "apps.outcome.granted", "apps.outcome.total" })
        {
            original.SetApplications(key, ApplicantColumns.All[0], 5);
            original.SetApplications(key, ApplicantColumns.All[4], 1);
            original.SetApplications(key, ApplicantColumns.All[6], 6);
        }

        var layout = string.Join('\n', Render(original).Split('\n').Select(line =>
        {
            var fields = line.Split('\t');
            if (fields.Length != 10)
            {
                return line;
            }

            var text = new StringBuilder(string.Concat(fields.Take(3)).PadRight(40));
            for (var c = 0; c < 7; c++)
            {
                var cell = fields[3 + c];
                var start = 40 + (10 * c) + 5 - (cell.Length / 2);
                text.Append(new string(' ', Math.Max(1, start - text.Length))).Append(cell);
            }

            return text.ToString().TrimEnd();
        }));
        Assert.DoesNotContain("\t5\t", layout, StringComparison.Ordinal);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(layout)).Report!;

        foreach (var key in new[] { "apps.new_received", "apps.outcome.granted", "apps.outcome.total" })
        {
            Assert.Equal([5, null, null, null, 1, null, 6], ApplicantColumns.All.Select(c => report.GetApplications(key, c)).ToArray());
        }
    }

    /// <summary>A page saved with its web template's leftovers on top is text, not JSON (a real page opened so).</summary>
    [Fact]
    public void Text_StartingWithTemplatePlaceholders_NotTakenForJson()
    {
        var original = SampleReports.Qingtongxia2021();

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes("{{ title }}\n{{ errorMessage }}\n\n" + Render(original)));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK1002");
        Assert.Equal(original.Agency, result.Report!.Agency);
        Assert.Equal(original.GetApplications("apps.new_received", ApplicantColumns.All[6]), result.Report.GetApplications("apps.new_received", ApplicantColumns.All[6]));
    }

    /// <summary>Section 一 as real reports head it (openings 209, 213, 302, 350, 448, 507 of the openings set), each line as printed.</summary>
    [Theory]
    [InlineData("一、政府信息公开工作的基本情况")]
    [InlineData("一、工作基本情况")]
    [InlineData("一、基本工作情况")]
    [InlineData("一、总体公开情况")]
    [InlineData("一、总体公开情况说明")]
    public void Text_HeadingOneReworded_SectionOneKept(string printed)
    {
        var original = SampleReports.Qingtongxia2021();
        var text = Render(original);
        var reworded = text.Replace("一、总体情况", printed, StringComparison.Ordinal);
        Assert.NotEqual(text, reworded);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(reworded));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4002");
        Assert.Equal(Compact(original.Sections.Sec1), Compact(result.Report!.Sections.Sec1));
    }

    [Theory]
    [InlineData("{0}关于报送{1}年度政府信息公开工作年度报告的函")]
    [InlineData("某市人民政府办公室关于印发{0}{1}年政府信息公开工作年度报告的通知")]
    [InlineData("关于{0}{1}年政府信息公开工作年度报告")]
    public void Title_ReportSentAsCoverLetterOrNotice_AgencyIsTheReports(string title)
    {
        var original = SampleReports.Qingtongxia2021();
        var text = Render(original);
        var printed = text.Split('\n').First(l => l.Contains("年政府信息公开工作年度报告", StringComparison.Ordinal));
        var retitled = text.Replace(printed, string.Format(CultureInfo.InvariantCulture, title, original.Agency, original.Year), StringComparison.Ordinal);
        Assert.NotEqual(text, retitled);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(retitled)).Report!;

        Assert.Equal(original.Agency, report.Agency);
        Assert.Equal(original.Year, report.Year);
    }

    [Theory]
    [InlineData("无其他需要报告的事项。 平潭综合实验区市场监督管理局 2022年1月7日抄送：驻区自然资源与生态环境局纪检监察组。平潭综合实验区市场监督管理局办公室 2022年1月7日印发", "无其他需要报告的事项。 平潭综合实验区市场监督管理局 2022年1月7日")]
    [InlineData("无。 平潭综合实验区经济发展局 2022年1月13 日 平潭综合实验区经济发展局办公室 2022年1月13日印发", "无。 平潭综合实验区经济发展局 2022年1月13 日")]
    [InlineData("本年度没有收取信息处理费。 某县人民政府 2024年1月20日", "本年度没有收取信息处理费。 某县人民政府 2024年1月20日")]
    public void SiteChrome_ColophonRightAfterTheSignatureDate_Dropped(string section, string kept)
    {
        var lines = new List<SourceLine> { new(section, 1) };

        Assert.Equal(kept, string.Concat(SiteChrome.EndOfBody(lines).Select(l => l.Text)));
    }

    [Fact]
    public void Text_SectionFourOpensWithASentenceHoldingANumber_TableStillRead()
    {
        var original = SampleReports.Qingtongxia2021();
        var text = Render(original);
        var heading = text.Split('\n').First(l => l.StartsWith("四、", StringComparison.Ordinal) && l.Contains("行政复议", StringComparison.Ordinal));
        var withSentence = text.Replace(heading, heading + "\n本年度共发生政府信息公开行政复议2件，行政诉讼1件。具体情况见下表。", StringComparison.Ordinal);
        Assert.NotEqual(text, withSentence);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(withSentence)).Report!;

        foreach (var column in report.Schema.ReviewColumns)
        {
            Assert.Equal(original.GetReview(column.Key), report.GetReview(column.Key));
        }
    }

    /// <summary>
    /// Reading the one-line shapes must not change the others (a review of this stop's changes): a text row of whole
    /// numbers that does not add up keeps its numbers; a sub-point without 、 inside section 一 is not heading 二; 关于
    /// inside an agency's name stays.
    /// </summary>
    [Fact]
    public void Text_RowOfWholeNumbersNotAddingUp_NumbersKept()
    {
        var text = Render(SampleReports.Qingtongxia2021());
        var row = text.Split('\n').First(l => l.StartsWith("一、本年新收政府信息公开申请数量", StringComparison.Ordinal));
        var changed = text.Replace(row, "一、本年新收政府信息公开申请数量     50     10     1     62", StringComparison.Ordinal);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(changed)).Report!;

        Assert.Equal(50, report.GetApplications("apps.new_received", ApplicantColumn.NaturalPerson));
        Assert.Equal(62, report.GetApplications("apps.new_received", ApplicantColumn.Total));
    }

    [Fact]
    public void Text_SubPointWithoutCommaInSectionOne_NotHeadingTwo()
    {
        var original = SampleReports.Qingtongxia2021();
        var text = Render(original);
        var heading = text.Split('\n').First(l => l.StartsWith("一、总体情况", StringComparison.Ordinal));
        var changed = text.Replace(heading, heading + "\n二主动公开工作\n本机关依法主动公开政府信息。", StringComparison.Ordinal);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(changed)).Report!;

        Assert.Contains("二主动公开工作", report.Sections.Sec1, StringComparison.Ordinal);
        Assert.Contains(original.Sections.Sec1!.Trim()[..20], report.Sections.Sec1, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_AboutInsideTheAgencysName_Kept()
    {
        var original = SampleReports.Qingtongxia2021();
        var text = Render(original);
        var printed = text.Split('\n').First(l => l.Contains("年政府信息公开工作年度报告", StringComparison.Ordinal));
        var changed = text.Replace(printed, $"青铜峡市关于推进政务公开领导小组办公室{original.Year}年政府信息公开工作年度报告", StringComparison.Ordinal);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(changed)).Report!;

        Assert.Equal("青铜峡市关于推进政务公开领导小组办公室", report.Agency);
    }

    [Theory]
    [InlineData("{0}{1}年政府信息公开工作年度报告")]
    [InlineData("{0}{1}年政府信息公开工作年度报告_某市人民政府门户网站")]
    [InlineData("某市人民政府门户网站 - 首页 - {0}{1}年政府信息公开工作年度报告")]
    [InlineData("{1}年{0}政府信息公开工作年度报告|某市人民政府")]
    public void Html_TitleOnlyInThePagesTitleElement_AgencyAndYearFromIt(string title)
    {
        var original = SampleReports.Qingtongxia2021();
        var html = ReportRenderer.RenderToString(original, RenderFormat.Html);
        // As many sites serve a report: the title in <title>, the body starting at the first paragraph.
        var body = System.Text.RegularExpressions.Regex.Replace(html, "<h1>.*?</h1>", string.Empty).Replace(original.Agency!, "本市", StringComparison.Ordinal);
        body = System.Text.RegularExpressions.Regex.Replace(body, "<title>.*?</title>", "<title>" + string.Format(CultureInfo.InvariantCulture, title, original.Agency, original.Year) + "</title>");
        Assert.DoesNotContain("<h1>", body, StringComparison.Ordinal);
        Assert.Null(ReportFileReader.Read(Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(body, "<title>.*?</title>", "<title>某市人民政府门户网站</title>"))).Report!.Agency);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(body)).Report!;

        Assert.Equal(original.Agency, report.Agency);
        Assert.Equal(original.Year, report.Year);
        Assert.Equal(original.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total), report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
    }

    [Fact]
    public void Html_BodyTitleAndADifferentTitleElement_BodysTitleWins()
    {
        var original = SampleReports.Qingtongxia2021();
        var html = ReportRenderer.RenderToString(original, RenderFormat.Html);
        var changed = System.Text.RegularExpressions.Regex.Replace(html, "<title>.*?</title>", "<title>某市人民政府2020年政府信息公开工作年度报告</title>");

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(changed)).Report!;

        Assert.Equal(original.Agency, report.Agency);
        Assert.Equal(original.Year, report.Year);
    }

    /// <summary>
    /// Section 三 opening with a summary that names outcomes and their counts (its numbers are not the table's): the
    /// table's figures are read from the table, in a text, an HTML page and a page saved as one line.
    /// </summary>
    [Theory]
    [InlineData("2022年，本机关共收到政府信息公开申请8件，均为自然人申请。其中，予以公开2件，部分公开2件，属于四类过程性信息1件，本机关不掌握相关政府信息2件，其他1件。无下年度结转。")]
    [InlineData("本年度共收到政府信息公开申请8件。其中，予以公开2件，部分公开2件，不予公开1件，无法提供2件，不予处理1件。")]
    [InlineData("全年新收申请13,612件，上年结转535件。其中，予以公开5345件，部分公开2120件。")]
    public void SectionThree_SummaryBeforeTheTable_FiguresFromTheTable(string summary)
    {
        var original = SampleReports.Qingtongxia2021();
        foreach (var format in new[] { RenderFormat.Text, RenderFormat.Html })
        {
            var printed = ReportRenderer.RenderToString(original, format);
            var heading = printed.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal);
            var after = printed.IndexOf('\n', heading) + 1;
            var withSummary = printed[..after] + (format == RenderFormat.Html ? "<p>" + summary + "</p>\n" : summary + "\n") + printed[after..];

            AssertSameApplications(original, ReportFileReader.Read(Encoding.UTF8.GetBytes(withSummary)).Report!, format.ToString());
        }

        var oneLine = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "real", "pingtan-2023-crawler-oneline-runs.txt"));
        var before = ReportFileReader.Read(Encoding.UTF8.GetBytes(oneLine)).Report!;
        var at = oneLine.IndexOf("三、收到和处理政府信息公开申请情况", StringComparison.Ordinal) + "三、收到和处理政府信息公开申请情况".Length;
        Assert.True(at > 100);
        var oneLineWithSummary = oneLine[..at] + " " + summary + " " + oneLine[at..];

        AssertSameApplications(before, ReportFileReader.Read(Encoding.UTF8.GetBytes(oneLineWithSummary)).Report!, "one line");
    }

    private static void AssertSameApplications(AnnualReport expected, AnnualReport actual, string shape)
    {
        foreach (var row in expected.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                Assert.True(expected.GetApplications(row.Key!, column) == actual.GetApplications(row.Key!, column), $"{shape}: {row.Label} {column}: {expected.GetApplications(row.Key!, column)} → {actual.GetApplications(row.Key!, column)}");
            }
        }
    }

    /// <summary>
    /// No title, no statistics period: the year is the one the report introduces itself with, also inside section 一;
    /// "我局", "我办" name no agency.
    /// </summary>
    [Theory]
    [InlineData("根据《中华人民共和国政府信息公开条例》规定，现公布我局{0}年政府信息公开工作年度报告。")]
    [InlineData("根据《中华人民共和国政府信息公开条例》和有关要求，现将我办{0}年度政府信息公开情况报告如下：")]
    public void Year_OnlyInTheSentenceIntroducingTheReport_Found(string sentence)
    {
        var original = SampleReports.Qingtongxia2021();
        var lines = Render(original).Split('\n').ToList();
        var title = lines.FindIndex(l => l.Contains("年政府信息公开工作年度报告", StringComparison.Ordinal));
        lines.RemoveRange(0, title + 1);
        lines.RemoveAll(l => l.Contains("统计", StringComparison.Ordinal) && l.Contains(original.Year!.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        var first = lines.FindIndex(l => l.StartsWith("一、", StringComparison.Ordinal));
        lines.Insert(first + 1, string.Format(CultureInfo.InvariantCulture, sentence, original.Year));
        var text = string.Join('\n', lines);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(text)).Report!;

        Assert.Equal(original.Year, report.Year);
        Assert.False(report.Agency is "我局" or "我办", report.Agency);
    }

    /// <summary>
    /// A page's tables saved one cell per line as "cell |", every row opened by a line holding a pipe alone and its last
    /// cell followed by the pipes of the columns it lacks (a crawler's rendering of HTML tables, as 汉阳区 2022 was found):
    /// the lone pipe opens the row, it is not an empty first cell — table 四's first figure and table 三's 总计 column
    /// stay in place.
    /// </summary>
    [Fact]
    public void PipePerCell_RowsOpenedByALonePipe_CellsInPlace()
    {
        var original = SampleReports.Qingtongxia2021();
        original.SetReview("review.upheld", 3);
        original.SetReview("review.total", original.GetReview("review.total")!.Value + 3);
        var saved = new StringBuilder();
        foreach (var line in Render(original).Split('\n'))
        {
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                saved.Append(line).Append('\n');
                continue;
            }

            var cells = line.Split('\t');
            saved.Append("|\n");
            for (var i = 0; i < cells.Length; i++)
            {
                saved.Append(cells[i].Trim()).Append(" |");
                if (i == cells.Length - 1 && cells.Length < 16)
                {
                    saved.Append(' ').Append('|', 16 - cells.Length);
                }

                saved.Append('\n');
            }
        }

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(saved.ToString())).Report!;

        AssertSameApplications(original, report, "pipe per cell");
        foreach (var column in report.Schema.ReviewColumns)
        {
            Assert.Equal(original.GetReview(column.Key), report.GetReview(column.Key));
        }
    }

    /// <summary>
    /// A heading printed on one line with text — before the paragraph it opens ("一、总体情况 根据…"), or run into the end of
    /// the paragraph before it ("…信息等。二、主动公开政府信息情况") — is still the section's heading; the paragraph stays
    /// whole in its section.
    /// </summary>
    [Fact]
    public void Text_HeadingOnALineWithText_SectionsFound()
    {
        var original = SampleReports.Qingtongxia2021();
        var lines = Render(original).Split('\n').ToList();
        var one = lines.IndexOf("一、总体情况");
        var firstParagraph = lines.FindIndex(one + 1, l => l.Trim().Length > 0);
        lines[one] = "一、总体情况 " + lines[firstParagraph].Trim();
        lines.RemoveAt(firstParagraph);
        var two = lines.IndexOf("二、主动公开政府信息情况");
        var lastParagraph = lines.FindLastIndex(two - 1, l => l.Trim().Length > 0);
        Assert.EndsWith("。", lines[lastParagraph].Trim(), StringComparison.Ordinal);
        lines[lastParagraph] = lines[lastParagraph].TrimEnd() + "二、主动公开政府信息情况";
        lines.RemoveAt(two);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4002");
        var report = result.Report!;
        Assert.Equal(Compact(original.Sections.Sec1), Compact(report.Sections.Sec1));
        AssertSameApplications(original, report, "inline headings");
        foreach (var key in report.Schema.ProactiveKeys)
        {
            Assert.Equal(original.GetProactive(key), report.GetProactive(key));
        }
    }

    private static string Render(AnnualReport report) => ReportRenderer.RenderToString(report, RenderFormat.Text);

    private static string Compact(string? text) => new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
