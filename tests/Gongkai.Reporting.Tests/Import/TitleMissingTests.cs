using System.Text;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A page whose title line the crawler dropped: the year from the sentences that state it (the statistics period, the
/// sentence reporting the year's work), the agency from the sentence that compiles the report and from the signature at
/// its end. Other years the prose names (a cited notice's, a plan's, the day the figures were drawn) are not the report's,
/// and a title, when printed, outweighs them all. The real page of this shape is
/// Fixtures/real/pingtan-gaj-2019-dept-no-title-derived.txt (the 2019 公安局 report without its title).
/// </summary>
public sealed class TitleMissingTests
{
    private const string Body = """
        一、总体情况
        我镇高度重视政府信息公开工作，持续推进政务公开标准化规范化。
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、政府信息公开行政复议、行政诉讼情况
        五、存在的主要问题及改进情况
        下一步，我镇将认真落实2024年政务公开工作要点。
        六、其他需要报告的事项
        无其他需要报告的事项。
        """;

    private static AnnualReport Read(string opening, string closing = "")
    {
        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(opening + "\n" + Body + closing));
        Assert.True(result.Report is not null, string.Join(" | ", result.Diagnostics));
        return result.Report;
    }

    [Theory]
    [InlineData("本报告是根据《中华人民共和国政府信息公开条例》要求，现结合我镇实际，主要从总体情况等六个方面汇报我镇2023年政府信息公开工作。")]
    [InlineData("现将我镇2023年政府信息公开工作情况报告如下。")]
    [InlineData("本报告由总体情况等六个部分组成，本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")]
    [InlineData("本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。")]
    [InlineData("本报告所列数据统计时间为2023年1月1日至2023年12月31日。")]
    [InlineData("数据统计截至2023年12月31日。")]
    [InlineData("根据《条例》要求，现将2023年度政府信息公开工作开展情况报告如下。")]
    [InlineData("现对2023年度全镇政府信息公开工作总结如下。")]
    public void Import_NoTitle_YearFromTheSentenceStatingIt(string opening)
    {
        Assert.Equal(2023, Read(opening).Year);
    }

    [Fact]
    public void Import_NoTitle_StatisticsPeriodInANoteAtTheEnd_Year()
    {
        var filler = string.Concat(Enumerable.Repeat("我镇持续做好政府信息公开工作。\n", 70));
        var report = Read("根据《中华人民共和国政府信息公开条例》要求，编制本报告。\n" + filler, "注：本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n");

        Assert.Equal(2023, report.Year);
    }

    [Fact]
    public void Import_NoTitle_CitedNoticeNamesAnotherYear_YearOfTheReportedWork()
    {
        // The notice's year is inside 《》: not the report's.
        var report = Read("根据《关于做好2022年度政府信息公开工作年度报告编制发布工作的通知》要求，汇报我镇2023年政府信息公开工作。");

        Assert.Equal(2023, report.Year);
    }

    [Theory]
    [InlineData("按照2024年政府信息公开工作要点的部署，现将有关情况报告如下。")] // a plan's year
    [InlineData("现将2024年政府信息公开工作计划报告如下。")]
    [InlineData("本报告数据统计时间：2024年1月10日。")] // the day the figures were drawn
    [InlineData("本报告数据统计截至2024年1月20日。")]
    public void Import_NoTitle_YearOfAPlanOrOfCompiling_NotTaken(string opening)
    {
        Assert.Null(Read(opening).Year);
    }

    [Theory]
    [InlineData("汇报我镇2022年政府信息公开工作。")]
    [InlineData("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。")]
    public void Import_TitleAndProseDisagree_TitleYear(string sentence)
    {
        var report = Read("某某镇2023年政府信息公开工作年度报告\n" + sentence);

        Assert.Equal(2023, report.Year);
        Assert.Equal("某某镇", report.Agency);
    }

    [Theory]
    [InlineData("某某县民政局根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，编制本报告。")]
    [InlineData("根据《条例》规定，本报告由某某县民政局编制。")]
    public void Import_NoTitle_AgencyFromTheSentenceCompilingTheReport(string opening)
    {
        Assert.Equal("某某县民政局", Read(opening).Agency);
    }

    [Theory]
    [InlineData("\n某某县民政局\n2024年1月20日\n")]
    [InlineData("\n某 某 县 民 政 局\n（2024年1月20日）\n")]
    [InlineData("无其他需要报告的事项。 某某县民政局 2024年1月20日\n")]
    [InlineData("\n某某县民政局\n二〇二四年一月二十日\n")]
    public void Import_NoTitle_AgencyFromTheSignature(string closing)
    {
        Assert.Equal("某某县民政局", Read("根据《中华人民共和国政府信息公开条例》要求，编制本报告。", closing).Agency);
    }

    [Fact]
    public void Import_NoTitle_CompiledByTheOffice_SignatureWithoutTheOffice()
    {
        var report = Read("本报告由某某县人民政府办公室编制。", "\n某某县人民政府\n2024年1月20日\n");

        Assert.Equal("某某县人民政府", report.Agency);
    }

    [Theory]
    [InlineData("暂无某某县民政局 2024年1月20日\n")] // run into the sentence: where the name starts cannot be told
    [InlineData("\n特此报告。\n2024年1月20日\n")]
    [InlineData("\n本局\n2024年1月20日\n")]
    public void Import_NoTitle_NoSignatureName_AgencyNotGuessed(string closing)
    {
        Assert.Null(Read("根据《中华人民共和国政府信息公开条例》要求，编制本报告。", closing).Agency);
    }

    [Theory]
    [InlineData("我局根据《中华人民共和国政府信息公开条例》要求，编制本报告。")]
    [InlineData("根据《条例》精神，我局编制了2019年度政府信息公开年度报告。")] // was read as 我局编制了
    public void Import_NoTitle_ReportSpeakingOfItself_NoAgency(string opening)
    {
        Assert.Null(Read(opening).Agency);
    }

    [Fact]
    public void Import_TitleAndSignatureDiffer_TitleAgency()
    {
        var report = Read("某某县民政局2023年政府信息公开工作年度报告", "\n某某县人民政府办公室\n2024年1月20日\n");

        Assert.Equal("某某县民政局", report.Agency);
    }
}
