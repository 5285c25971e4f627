using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Reporting.Rendering;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A report in seven parts ("共七个部分组成", as some provinces asked for in 2020–2021): a part of its own put in after
/// 一 (二、政务公开工作主要任务落实情况), so 主动公开 is numbered 三 and 其他需要报告的事项 七. Its headings are known by
/// their words; the part put in is read with section 一 (the format has no place of its own for it). The real
/// one-line report of this shape is Fixtures/real/pingtan-lwt-2020-seven-parts-oneline.txt. Headings 一 and 六 in words
/// of the report's own (一、年度工作核心成效, 七、其他需说明事项: Fixtures/real/pingtan-junshan-2025-township-seven-sections.txt)
/// are found too: 一 as the first heading numbered 一 before 二.
/// </summary>
public sealed class SevenPartsTests
{
    private const string PutIn = "二、政务公开工作主要任务落实情况";
    private const string PutInText = "围绕优化营商环境，积极开展权责清单梳理工作。";

    public static TheoryData<bool> Shapes() => [false, true];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Import_SevenParts_SectionsAndTablesFound(bool oneLine)
    {
        var original = SampleReports.Qingtongxia2021();
        var text = ReportRenderer.RenderToString(original, RenderFormat.Text);
        foreach (var (from, to) in new[]
        {
            ("六、其他需要报告的事项", "七、其他需要报告的事项"),
            ("五、存在的主要问题及改进情况", "六、存在的主要问题及改进情况"),
            ("四、政府信息公开行政复议、行政诉讼情况", "五、政府信息公开行政复议、行政诉讼情况"),
            ("三、收到和处理政府信息公开申请情况", "四、收到和处理政府信息公开申请情况"),
            ("二、主动公开政府信息情况", PutIn + "\n" + PutInText + "\n三、主动公开政府信息情况"),
        })
        {
            Assert.Contains(from, text, StringComparison.Ordinal);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }

        if (oneLine)
        {
            text = Degrade.OneLine(text);
        }

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4001" or "GK4002" or "GK4003");
        var report = result.Report!;
        Assert.StartsWith(Compact(original.Sections.Sec1), Compact(report.Sections.Sec1), StringComparison.Ordinal);
        Assert.EndsWith(Compact(PutIn + PutInText), Compact(report.Sections.Sec1), StringComparison.Ordinal);
        Assert.Equal(Compact(original.Sections.Sec5), Compact(report.Sections.Sec5));
        Assert.Equal(Compact(original.Sections.Sec6), Compact(report.Sections.Sec6));
        Assert.Equal(original.ApplicationCells(), report.ApplicationCells());
        Assert.All(report.Schema.ProactiveKeys, key => Assert.Equal(original.GetProactive(key), report.GetProactive(key)));
        Assert.All(report.Schema.ReviewColumns, c => Assert.Equal(original.GetReview(c.Key), report.GetReview(c.Key)));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Import_HeadingsOneAndSixInWordsOfTheirOwn_SectionsFound(bool oneLine)
    {
        // As a real township report (2025) names them: 一 by what it did, 六 as 其他需说明事项.
        var original = SampleReports.Qingtongxia2021();
        var text = ReportRenderer.RenderToString(original, RenderFormat.Text)
            .Replace("一、总体情况", "一、年度工作核心成效", StringComparison.Ordinal)
            .Replace("六、其他需要报告的事项", "六、其他需说明事项", StringComparison.Ordinal);
        Assert.Contains("一、年度工作核心成效", text, StringComparison.Ordinal);
        Assert.Contains("六、其他需说明事项", text, StringComparison.Ordinal);
        if (oneLine)
        {
            text = Degrade.OneLine(text);
        }

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "GK4001" or "GK4002" or "GK4003");
        var report = result.Report!;
        Assert.Equal(Compact(original.Sections.Sec1), Compact(report.Sections.Sec1));
        Assert.Equal(Compact(original.Sections.Sec5), Compact(report.Sections.Sec5));
        Assert.Equal(Compact(original.Sections.Sec6), Compact(report.Sections.Sec6));
        Assert.Equal(original.ApplicationCells(), report.ApplicationCells());
    }

    [Fact]
    public void Import_NoHeadingOneAndUnifiedInThePreamble_SectionOneNotTaken()
    {
        // Heading 一 taken out of a one-line report whose preamble says 按照全省统一、规范的格式: 统一、 is no heading 一.
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "review", "C2-noheading1-tongyi.txt"));

        Assert.Contains(result.Diagnostics, d => d.Code == "GK4002" && d.Message.Contains("总体情况", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(result.Report!.Sections.Sec1));
    }

    private static string Compact(string? text) => new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
}
