using System.Text;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A page without its title whose agency is named only in the contact sentence, with the office that answers named in
/// words of its own before 办公室 ("请与衢州市衢江区湖南镇政府综合督考办公室联系"): the agency is the name before the office.
/// Before, the office was read as the agency (the list of answering offices knew 综合办公室, 党政综合办公室…, not these).
/// </summary>
public sealed class ContactOfficeTests
{
    [Fact]
    public void Import_RealPage_AgencyWithoutTheNamedOffice()
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "qujiang-hunan-town-2021-contact-named-office-excerpt.txt"));

        Assert.Equal("衢州市衢江区湖南镇政府", result.Report!.Agency);
        Assert.Equal(2021, result.Report.Year);
    }

    [Fact]
    public void Import_RealPage_FreeTradeZoneNamedInTheContactLine()
    {
        // Ninth sweep: a 自贸片区's page without its title, speaking as 我委; its name, which holds its province in brackets,
        // only in "请联系:中国(福建)自由贸易试验区福州片区管理委员会(福州保税港区管理委员会)政府信息公开办公室,地址:…" (the same
        // line on its 2022 page). Read null before.
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "fzftz-fuzhou-ftz-2024-contact-province-in-brackets-excerpt.txt"));

        var report = WithHeadings.Read(text);

        Assert.Equal("中国(福建)自由贸易试验区福州片区管理委员会", report.Agency);
        Assert.Equal(2024, report.Year);
    }

    [Fact]
    public void Import_RealPage_TownGovernmentWithoutRenminInTheContactLine()
    {
        // Eleventh sweep (left by the eighth): a town's page without its title, named only in "总结2020年帽儿山镇政府信息公开
        // 工作" and "请联系帽儿山镇政府,地址:…" — the contact line without 与 knew a name ending as names do (镇, 人民政府), not
        // 镇政府 (the same line on 五常市背荫河镇's page, real/, read from its title: 请联系五常市背荫河镇政府。). Read null before.
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "shangzhi-maoershan-town-2020-contact-town-zhengfu-excerpt.txt"));

        var report = WithHeadings.Read(text);

        Assert.Equal("帽儿山镇政府", report.Agency);
        Assert.Equal(2020, report.Year);
    }

    [Fact]
    public void Import_RealPage_TownshipGovernmentWithoutRenminAfterQingYu()
    {
        // Sixteenth sweep: 三宝乡 (宾县) 2021, a page without its title, named only in "2021年宾县三宝乡政府信息公开工作要点落实情况"
        // and "如有疑问请与宾县三宝乡政府联系(地址:…)": the contact line with 与 did not know a township's 政府 without 人民,
        // which the line without 与 already read (请联系帽儿山镇政府, above). Read null before.
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "chinabx-sanbao-township-2021-contact-xiang-zhengfu-excerpt.txt"));

        var report = WithHeadings.Read(text);

        Assert.Equal("宾县三宝乡政府", report.Agency);
        Assert.Equal(2021, report.Year);
    }

    [Theory]
    [InlineData("请联系某某乡政府。地址:某县某某乡", "某某乡政府")]
    // Only a town's or township's 政府: a county's 县政府 is no name ending the rule knows; 市政府办公室 is read as before.
    [InlineData("请联系某某县政府,地址:某县", null)]
    [InlineData("请联系某某市政府办公室,电话:0000", "某某市政府办公室")]
    public void Import_NoTitle_AgencyFromTheContactSentenceWithoutYu(string contact, string? agency)
    {
        var text = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问," + contact + "。\n" +
            "一、总体情况\n略。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal(agency, result.Report!.Agency);
    }

    [Theory]
    [InlineData("中国(河北)自由贸易试验区雄安片区管理委员会办公室", "中国(河北)自由贸易试验区雄安片区管理委员会")]
    [InlineData("衢州市衢江区湖南镇政府综合督考办公室", "衢州市衢江区湖南镇政府")]
    [InlineData("某县住房和城乡建设局住房保障办公室", "某县住房和城乡建设局")]
    // The offices already known, as before; an office whose words are not a name before it (政务公开办公室) kept whole.
    [InlineData("泰宁县卫生健康局办公室", "泰宁县卫生健康局")]
    [InlineData("某镇人民政府党政综合办公室", "某镇人民政府")]
    [InlineData("保定市徐水区政务公开办公室", "保定市徐水区政务公开办公室")]
    public void Import_NoTitle_AgencyFromTheContactSentence(string contact, string agency)
    {
        var text = "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有任何疑问,请与" + contact + "联系(电话:0570-0000000)。\n" +
            "一、总体情况\n略。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";

        var result = ReportFileReader.Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal(agency, result.Report!.Agency);
    }
}
