using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Parsing.Shapes;
using Gongkai.Reporting.Parsing.Text;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>The stages added for crawled, flattened and converted reports, one behaviour a test.</summary>
public sealed class CrawledShapeTests
{
    [Fact]
    public void DigitRuns_FifteenReviewCells_SplitByGroupTotals()
    {
        var result = Parsing.Tables.DigitRuns.Split(["110024001510102"], [new(4, true), new(4, true), new(4, true)]);

        Assert.True(result.Unique);
        Assert.Equal([1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2], result.Splits[0]);
    }

    [Fact]
    public void DigitRuns_RowWithTotal_OnlySplitsThatAddUp()
    {
        var result = Parsing.Tables.DigitRuns.Split(["230", "000023"], [new(6, true)]);

        Assert.True(result.Unique);
        Assert.Equal([23, 0, 0, 0, 0, 0, 23], result.Splits[0]);
    }

    [Fact]
    public void DigitRuns_AmbiguousRun_ReportsEverySplit()
    {
        var result = Parsing.Tables.DigitRuns.Split(["1111"], [new(1, false), new(1, false), new(1, false)]);

        Assert.False(result.Unique);
        Assert.Equal(3, result.Splits.Count);
    }

    [Fact]
    public void DigitRuns_FiveHundredDigits_StopsWithinBudget()
    {
        var digits = string.Concat(Enumerable.Range(0, 500).Select(i => (char)('0' + ((i * 7) % 10))));

        var result = Parsing.Tables.DigitRuns.Split([digits], [new(6, true)], budget: 10_000);

        Assert.Empty(result.Splits);
        Assert.True(result.Work <= 10_001, $"work {result.Work}");
    }

    [Fact]
    public void DigitRuns_LongestFeasibleRun_StopsWithinBudget()
    {
        // 63 digits is the most a seven-cell row can hold: the hardest case the walk can be given.
        var digits = string.Concat(Enumerable.Repeat("123456789", 7));

        var result = Parsing.Tables.DigitRuns.Split([digits[..40], digits[40..]], [new(4, true), new(4, true), new(4, true)], budget: 50_000);

        Assert.True(result.Work <= 50_001, $"work {result.Work}");
    }

    [Fact]
    public void Import_FiveHundredDigitRunInTable三_FinishesWithDiagnostic()
    {
        var text = Render(RandomReports.Create(3, ReportEdition.Edition2021))
            .Replace("一、本年新收政府信息公开申请数量\t", "一、本年新收政府信息公开申请数量\t" + new string('7', 500) + "\t", StringComparison.Ordinal);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.NotNull(result.Report);
        Assert.NotEmpty(result.Diagnostics);
    }

    [Theory]
    [InlineData("a\rb\rc", 3)]
    [InlineData("a\r\nb\nc\r\n", 4)]
    [InlineData("a\n\rb", 3)]
    public void TextShape_AnyLineBreak_OneLineEach(string text, int count)
    {
        Assert.Equal(count, TextShape.Lines(text).Count);
    }

    /// <summary>A page printed from a browser, then pdftotext -layout: the date and time before the title on every page, the address and page after.</summary>
    [Fact]
    public void TextShape_BrowserPrintMargins_TitleKeptStampAndAddressDropped()
    {
        var lines = TextShape.Lines(
            "12/1/26, 12:23 AM          某县统计局2023年政府信息公开工作年度报告\n正文一\nfile:///tmp/r.html        1/2\n" +
            "\f12/1/26, 12:23 AM            某县统计局2023年政府信息公开工作年度报告\n正文二\nhttps://www.example.gov.cn/a/t2024.html   2/2\n");

        Assert.Equal(["某县统计局2023年政府信息公开工作年度报告", "正文一", "某县统计局2023年政府信息公开工作年度报告", "正文二"],
            lines.Select(l => l.Text.Trim('\f', ' ')).Where(t => t.Length > 0).ToArray());
    }

    /// <summary>A PDF's header and footer repeated on every page, spaced differently on each (a browser's print margins).</summary>
    [Fact]
    public void PdfShape_RepeatedMarginsSpacedDifferently_Dropped()
    {
        // The rows of figures at the page's foot repeat too, but are never margins.
        var text = string.Join('\f', Enumerable.Range(1, 3).Select(p =>
            $"12/1/26, 12:1{p} AM{new string(' ', 10 + p)}某局2023年报告\n正文{"甲乙丙"[p - 1]}\n0 0 0\nfile:///tmp/r.html{new string(' ', 5 + (3 * p))}{p}/3\n"));

        var lines = PdfShape.WithoutPageFurniture(text).Select(l => l.Text.Trim()).Where(t => t.Length > 0).ToArray();

        Assert.Equal(["正文甲", "0 0 0", "正文乙", "0 0 0", "正文丙", "0 0 0"], lines);
    }

    [Fact]
    public void TextShape_PageNumberAtFormFeed_Dropped()
    {
        var lines = TextShape.Lines("12\n3\n\n- 1 -\n\f7\n8\n第 2 页\n\f9");

        Assert.Equal(["12", "3", "7", "8", "9"], lines.Select(l => l.Text).ToArray());
    }

    [Fact]
    public void SiteChrome_MetadataToolsFooter_Dropped()
    {
        var lines = new[] { "标题: 年度报告", "发布时间: 2022-01-01", "当前位置：首页 > 政务公开", "字号：大 中 小 打印本页", "正文", "主办单位：某某市人民政府 网站标识码：123", "京ICP备123号" }
            .Select((t, i) => new SourceLine(t, i + 1)).ToList();

        Assert.Equal(["正文"], SiteChrome.Strip(lines).Select(l => l.Text).ToArray());
    }

    [Theory]
    [InlineData("无。 某某区人民政府 2024年1月5日 来源：某某区人民政府 附件下载", "无。 某某区人民政府 2024年1月5日")]
    [InlineData("未收取信息处理费。 某某局 2020年1月13日 抄送：驻局纪检组。 某某局办公室 2020年1月13日印发", "未收取信息处理费。 某某局 2020年1月13日")]
    [InlineData("无。【打印】【关闭】", "无。")]
    [InlineData("无。 分享到： 扫一扫在手机打开当前页", "无。")]
    [InlineData("无。 主办单位：某某市人民政府 网站标识码：1234 闽ICP备123号", "无。")]
    [InlineData("专项资金来源：财政拨款。 相关附件：年报.pdf", "专项资金来源：财政拨款。")]
    [InlineData("收费标准详见相关附件。 附件下载", "收费标准详见相关附件。")]
    public void SiteChrome_PageAfterTheBody_EndsTheLastSection(string text, string body)
    {
        Assert.Equal([body], SiteChrome.EndOfBody([new SourceLine(text, 1), new SourceLine("附件：无", 2)]).Select(l => l.Text).ToArray());
    }

    [Fact]
    public void SiteChrome_SignatureOnItsOwnLines_Stays()
    {
        string[] body = ["无。", "某某县发展和改革局", "2024年1月17日"];
        var lines = body.Append("打印本页 关闭窗口").Select((t, i) => new SourceLine(t, i + 1)).ToList();

        Assert.Equal(body, SiteChrome.EndOfBody(lines).Select(l => l.Text).ToArray());
    }

    [Fact]
    public void RunningText_ListOfSectionsInOpening_NotTakenForHeadings()
    {
        var text = Render(SampleReports.Qingtongxia2021());
        var oneLine = Degrade.OneLine(text).Replace("本报告统计数据", "本报告包括一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项。本报告统计数据", StringComparison.Ordinal);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(oneLine)).Report!;

        Assert.StartsWith("2021 年，青铜峡市", report.Sections.Sec1, StringComparison.Ordinal);
        Assert.Equal(20, report.GetApplications(ApplicationKeys.NewReceived, ApplicantColumn.Total));
    }

    [Fact]
    public void Import_2008Layout_RefusedNamingTheLayout()
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "diagnostics", "GK4018.txt"));

        Assert.Null(result.Report);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("GK4018", d.Code);
        Assert.Contains("2008", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TablesOnlySentences_AbsentPerTableAndNoZeros()
    {
        var text = Render(SampleReports.Qingtongxia2021());
        var lines = text.Split('\n').ToList();
        int Index(string prefix) => lines.FindIndex(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var sec2 = Index("二、主动公开");
        var sec5 = Index("五、存在的主要问题");
        var sec3 = Index("三、收到和处理");
        var sec4 = Index("四、政府信息公开行政复议");
        var rebuilt = lines.Take(sec2 + 1).Append("本年度主动公开信息详见附件图片。").Append("<图片>")
            .Append(lines[sec3]).Append("2021年未收到政府信息公开申请。")
            .Append(lines[sec4]).Append("2021年未发生政府信息公开行政复议、行政诉讼。")
            .Concat(lines.Skip(sec5));

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', rebuilt)));

        Assert.NotNull(result.Report);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == "GK4003"));
        Assert.All(result.Report.ApplicationCells(), c => Assert.Null(c.Value));
        Assert.All(result.Report.Schema.ReviewColumns, c => Assert.Null(result.Report.GetReview(c.Key)));
        Assert.All(result.Report.Schema.ProactiveKeys, k => Assert.True(result.Report.GetProactive(k).IsBlank));
    }

    [Theory]
    [InlineData(RenderFormat.Text)]
    [InlineData(RenderFormat.Markdown)]
    public void Import_No五HeadingAfterTable四_TextKeptAs五AndHeadingReported(RenderFormat format)
    {
        var original = SampleReports.Qingtongxia2021();
        var lines = ReportRenderer.RenderToString(original, format).Split('\n').ToList();
        var heading = lines.FindIndex(l => l.Contains("五、存在的主要问题", StringComparison.Ordinal));
        Assert.True(heading > 0);
        lines.RemoveAt(heading);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var report = result.Report!;
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4002" && d.Location.Section == "sec5");
        Assert.Equal(Compact(original.Sections.Sec5), Compact(report.Sections.Sec5));
        Assert.Equal(Compact(original.Sections.Sec6), Compact(report.Sections.Sec6));
        Assert.All(original.Schema.ReviewColumns, c => Assert.Equal(original.GetReview(c.Key), report.GetReview(c.Key)));
    }

    [Fact]
    public void Import_No五HeadingNoTable四_NothingTakenFor五()
    {
        var original = SampleReports.Qingtongxia2021();
        var lines = Render(original).Split('\n').ToList();
        int Index(string prefix) => lines.FindIndex(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var sec4 = Index("四、政府信息公开行政复议");
        var sec5 = Index("五、存在的主要问题");
        var rebuilt = lines.Take(sec4 + 1).Append("2021年未发生政府信息公开行政复议、行政诉讼。").Concat(lines.Skip(sec5 + 1));

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(string.Join('\n', rebuilt)));

        Assert.Contains(result.Diagnostics, d => d.Code == "GK4002" && d.Location.Section == "sec5");
        Assert.Equal(string.Empty, result.Report!.Sections.Sec5);
    }

    private static string Compact(string? text) => new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public void RunningText_HeadingWithInsertedCharacter_Table四StillRead()
    {
        var original = SampleReports.Qingtongxia2021();
        var oneLine = Degrade.OneLine(Render(original));
        var typo = oneLine.Replace("四、政府信息公开行政复议", "四、政府信息公开行政法复议", StringComparison.Ordinal);
        Assert.NotEqual(oneLine, typo);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(typo)).Report!;

        Assert.All(original.Schema.ReviewColumns, c => Assert.Equal(original.GetReview(c.Key), report.GetReview(c.Key)));
    }

    [Theory]
    [InlineData("251000元", "251000")]
    [InlineData("25.5万元", "25.5")]
    [InlineData("1,200元", null)]
    [InlineData("元", null)]
    [InlineData("--253", "-253")] // real 2019-layout tables: a minus typed twice, 本年增/减 written out
    [InlineData("增98", "98")]
    [InlineData("增加5", "5")]
    [InlineData("减3", "-3")]
    [InlineData("减少0", "0")]
    [InlineData("增", null)]
    [InlineData("0/0", null)]
    public void TableTokenizer_AmountWithUnit_DigitsAsWritten(string piece, string? expected)
    {
        var ok = Parsing.Tables.PrintedNumber.TryRead(piece, out var number);

        Assert.Equal(expected is not null, ok);
        if (ok)
        {
            Assert.Equal(expected, number);
        }
    }

    [Fact]
    public void RunningText_NegativeChangeRunIntoNeighbours_SignStartsTheChangeCell()
    {
        var original = SampleReports.Clean2019();
        var oneLine = Degrade.OneLine(Render(original));
        var runTogether = System.Text.RegularExpressions.Regex.Replace(oneLine, @"行政许可\s+(\d+)\s+(-\d+)\s+(\d+)", "行政许可$1$2$3");
        Assert.NotEqual(oneLine, runTogether);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(runTogether));

        foreach (var suffix in new[] { "prev_year_items", "delta", "decisions" })
        {
            var key = "proactive2019.art20_5.licensing." + suffix;
            Assert.Equal(original.GetProactive(key), result.Report!.GetProactive(key));
        }
    }

    [Fact]
    public void RunningText_ChangeWrittenInWordsCutAtItsDigits_OneSignedCell()
    {
        // As a real 2019-layout department report prints it on one line: "行政事业性收费16减12" (上一年 16, 本年减少 12).
        var original = SampleReports.Clean2019();
        original.SetProactive("proactive2019.art20_8.admin_fees.prev_year_items", CellValue.FromNumber(16));
        original.SetProactive("proactive2019.art20_8.admin_fees.delta", CellValue.FromNumber(-12));
        var oneLine = Degrade.OneLine(Render(original));
        var printed = System.Text.RegularExpressions.Regex.Replace(oneLine, @"行政事业性收费\s+16\s+-12", "行政事业性收费16减12");
        Assert.NotEqual(oneLine, printed);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(printed)).Report!;

        Assert.Equal(CellValue.FromNumber(16), report.GetProactive("proactive2019.art20_8.admin_fees.prev_year_items"));
        Assert.Equal(CellValue.FromNumber(-12), report.GetProactive("proactive2019.art20_8.admin_fees.delta"));
    }

    [Fact]
    public void RunningText_TotalRowRunTogetherInReportNotAddingUp_ColumnsChooseTheSplit()
    {
        // As printed by a real department report (2023): "（七）总计 191000019" where its 部分公开 row is 8 1 0 0 0 0 8 (the
        // report's own slip): no split of the total row adds up along the row, and nine digits are no count.
        var original = SampleReports.Qingtongxia2021();
        foreach (var row in original.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                original.SetApplications(row.Key!, column, 0);
            }
        }

        void Row(string key, params int[] cells)
        {
            for (var c = 0; c < 7; c++)
            {
                original.SetApplications(key, ApplicantColumns.All[c], cells[c]);
            }
        }

        Row("apps.new_received", 18, 1, 0, 0, 0, 0, 18);
        Row("apps.outcome.granted", 10, 0, 0, 0, 0, 0, 10);
        Row("apps.outcome.partial", 8, 1, 0, 0, 0, 0, 8);
        Row("apps.outcome.total", 18, 1, 0, 0, 0, 0, 18);
        var oneLine = Degrade.OneLine(Render(original));
        var runTogether = System.Text.RegularExpressions.Regex.Replace(oneLine, @"（七）总计\s+18\s+1\s+0\s+0\s+0\s+0\s+18", "（七）总计 181000018");
        Assert.NotEqual(oneLine, runTogether);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(runTogether));

        Assert.Equal([18, 1, 0, 0, 0, 0, 18], ApplicantColumns.All.Select(c => result.Report!.GetApplications("apps.outcome.total", c)).ToArray());
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("（七）总计", StringComparison.Ordinal) && d.Message.Contains("没有一种读法满足全部勾稽关系", StringComparison.Ordinal));
    }

    [Fact]
    public void RunningText_PositiveChangeRunIntoNeighbours_PlusSignEndsThePreviousCount()
    {
        // As printed by a real department report: "行政许可20+1737" (上一年项目数量 20, 本年增/减 +17, 处理决定数量 37).
        var original = SampleReports.Clean2019();
        var oneLine = Degrade.OneLine(Render(original));
        var runTogether = System.Text.RegularExpressions.Regex.Replace(oneLine, @"行政许可\s+(\d+)\s+-(\d+)\s+(\d+)", "行政许可$1+$2$3");
        Assert.NotEqual(oneLine, runTogether);

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(runTogether));

        var report = result.Report!;
        Assert.Equal(original.GetProactive("proactive2019.art20_5.licensing.prev_year_items"), report.GetProactive("proactive2019.art20_5.licensing.prev_year_items"));
        var delta = report.GetProactive("proactive2019.art20_5.licensing.delta").ToString();
        var decisions = report.GetProactive("proactive2019.art20_5.licensing.decisions").ToString();
        Assert.DoesNotContain("-", delta, StringComparison.Ordinal);
        Assert.Equal(original.GetProactive("proactive2019.art20_5.licensing.delta").ToString().TrimStart('-') + original.GetProactive("proactive2019.art20_5.licensing.decisions"), delta + decisions);
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("行政许可", StringComparison.Ordinal));
    }

    [Fact]
    public void RunningText_CountWithMeasureWordRunIntoAmount_UnitNotACell()
    {
        // "政府集中采购1个246900元": the count's 个 and the amount's 元 are units, not cells.
        var original = SampleReports.Clean2019();
        var oneLine = Degrade.OneLine(Render(original));
        var runTogether = System.Text.RegularExpressions.Regex.Replace(oneLine, @"政府集中采购\s+\S+\s+(\d+(\.\d+)?)", "政府集中采购1个$1元");
        Assert.NotEqual(oneLine, runTogether);

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(runTogether)).Report!;

        Assert.Equal("1", report.GetProactive("proactive2019.art20_9.central_procurement.items").ToString());
        Assert.Equal(original.GetProactive("proactive2019.art20_9.central_procurement.amount"), report.GetProactive("proactive2019.art20_9.central_procurement.amount"));
    }

    [Theory]
    [InlineData("当前位置：首页>政务公开>政府信息公开>政府信息公开年报")]
    [InlineData("当前位置： 首页政务公开最新文件部门文件 ")]
    [InlineData("_")]
    [InlineData("名称：")]
    [InlineData("标题：")]
    public void RunningText_CrawlerPrefixBeforeTitle_NotInAgency(string prefix)
    {
        var original = SampleReports.Qingtongxia2021();
        var oneLine = prefix + Degrade.OneLine(Render(original)).TrimStart();

        var report = ReportFileReader.Read(Encoding.UTF8.GetBytes(oneLine)).Report!;

        Assert.Equal(original.Agency, report.Agency);
        Assert.Equal(original.Year, report.Year);
    }

    [Fact]
    public void SiteChrome_FollowUsFooter_Dropped()
    {
        var lines = new[] { "2022年，本局未收取信息处理费。", "更多精彩内容欢迎扫描下方二维码关注浑南区!" }
            .Select((t, i) => new SourceLine(t, i + 1)).ToList();

        Assert.Equal(["2022年，本局未收取信息处理费。"], SiteChrome.Strip(lines).Select(l => l.Text).ToArray());
    }

    private static string Render(AnnualReport report) => ReportRenderer.RenderToString(report, RenderFormat.Text);
}
