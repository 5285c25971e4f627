using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Agency names read short or missing in the fifth held-out sweep, each on a real page: a name whose 人民政府 runs into
/// 政府信息公开 (read 桂洋镇人民), a title wrapped inside the name (read 办事处), a contact line without 与 (read nothing).
/// </summary>
public sealed class NameEdgesTests
{
    [Theory]
    // "特向社会公布2020年桂洋镇人民政府信息公开工作年度报告": the name is not cut at 人民.
    [InlineData("fjyc-guiyang-town-2020-name-run-into-zhengfu-xinxi-excerpt.txt", "桂洋镇人民政府", 2020)]
    // "重庆市沙坪坝区人民政府小龙坎街道" / "办事处2023年政府信息公开工作年度报告": the line before finishes the name.
    [InlineData("cqspb-xiaolongkan-street-2023-title-wrapped-in-name-excerpt.txt", "重庆市沙坪坝区人民政府小龙坎街道办事处", 2023)]
    // No title; "对本报告有疑问,请联系中村乡人民政府党政办公室,联系电话…".
    [InlineData("smsy-zhongcun-township-2025-contact-without-yu-excerpt.txt", "中村乡人民政府", 2025)]
    // Sixth sweep. No title; "编制我局2021年度政府信息公开年度报告" (read 编制我局): the report's word for itself is no name, and
    // the contact line's "请与昌江区工信局办公室联系" names it.
    [InlineData("changjiang-gxj-2021-bianzhi-wo-ju-excerpt.txt", "昌江区工信局", 2021)]
    // Ninth sweep. No title; the customs offices' preamble "…等规定,梳理编制湛江海关关区2023年政府信息公开工作年度报告" (read
    // 梳理编制湛江海关关区): the verbs that compile the report are not the name's.
    [InlineData("customs-zhanjiang-2023-shuli-bianzhi-excerpt.txt", "湛江海关关区", 2023)]
    // Thirteenth sweep, 兴华镇 (梅河口) 2024: "…公信力,兴华镇人民政府特此编制2024年度政府信息公开工作年度报告", read 兴华镇人民政府特此.
    [InlineData("mhk-xinghua-town-2024-teci-bianzhi-excerpt.txt", "兴华镇人民政府", 2024)]
    // Thirteenth sweep, 礼让街 (西宁) 2025: no title; "…要求编制,全面总结西宁市城中区人民政府礼让街街道办事处2025年政府信息公开工作情况",
    // read with the verb, 全面总结西宁市….
    [InlineData("xncz-lirangjie-street-2025-zongjie-before-name-excerpt.txt", "西宁市城中区人民政府礼让街街道办事处", 2025)]
    // Fourteenth sweep, from the twelfth's list: the verb that publishes the report, worded with 特/现 and 向社会, before the name —
    // 益阳高新区 2020, "…的要求,特向社会公布益阳高新区市场监督管理局2020年度…" (read with the verb); 南屏瑶族乡 (上思县, a mirror)
    // 2021, "…通知》要求,现向社会公开上思县南屏瑶族乡2021年…" under 一 (read null).
    [InlineData("yygxq-scjg-2020-te-xiang-shehui-gongbu-excerpt.txt", "益阳高新区市场监督管理局", 2020)]
    [InlineData("chinamiansha-nanping-township-2021-xian-xiang-shehui-gongkai-excerpt.txt", "上思县南屏瑶族乡", 2021)]
    // Sixteenth sweep, 二道河镇 (海林, a mirror) 2021: the page's list item "• 二道河镇人民政府2021年…年度报告" above the title,
    // read with its bullet (•二道河镇人民政府); a list's bullet (•, ●, ■, ◆, ▪) is no part of a name.
    [InlineData("xatcxxkj-erdaohe-town-2021-bullet-before-title-excerpt.txt", "二道河镇人民政府", 2021)]
    public void Import_RealPage_AgencyAsPrinted(string file, string agency, int year)
    {
        var report = Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", file)));

        Assert.Equal(agency, report.Agency);
        Assert.Equal(year, report.Year);
    }

    [Theory]
    [InlineData("根据《中华人民共和国政府信息公开条例》要求,编制我局2021年度政府信息公开年度报告。")]
    [InlineData("根据《中华人民共和国政府信息公开条例》要求,编制本委2021年度政府信息公开工作年度报告。")]
    public void Import_CompilingSentence_SelfReferenceIsNoName(string sentence)
    {
        Assert.Null(Read(sentence + "\n").Agency);
    }

    [Theory]
    [InlineData("根据《中华人民共和国政府信息公开条例》等规定,梳理编制某海关关区2021年政府信息公开工作年度报告。", "某海关关区")]
    [InlineData("根据《中华人民共和国政府信息公开条例》等规定,梳理编制某县机构编制委员会办公室2021年政府信息公开工作年度报告。", "某县机构编制委员会办公室")]
    // Eleventh sweep, 两家子满族乡 2020 (read 我乡编制了吉林市昌邑区两家子满族乡人民政府): the report's word for itself before the verb.
    [InlineData("根据《中华人民共和国政府信息公开条例》等文件要求,我乡编制了某市某区某某乡人民政府2020年政府信息公开工作年度报告(以下简称《年报》)。", "某市某区某某乡人民政府")]
    [InlineData("根据《中华人民共和国政府信息公开条例》要求,本局现将某县自然资源局2021年政府信息公开工作年度报告公布如下。", "某县自然资源局")]
    [InlineData("为提升政府工作的透明度,某县某镇人民政府特此公布2021年度政府信息公开工作年度报告。", "某县某镇人民政府")]
    [InlineData("本报告根据《条例》要求编制,总结某县某局2021年政府信息公开工作情况。", "某县某局")]
    [InlineData("根据《中华人民共和国政府信息公开条例》的要求,特向社会公布某县某局2021年度政府信息公开工作年度报告。", "某县某局")]
    [InlineData("根据《中华人民共和国政府信息公开条例》的要求,现向社会公开某县某乡2021年政府信息公开工作年度报告。", "某县某乡")]
    [InlineData("根据《中华人民共和国政府信息公开条例》的要求,兹予公布某县某局2021年政府信息公开工作年度报告。", "某县某局")]
    public void Import_CompilingSentence_VerbsBeforeTheName(string sentence, string agency)
    {
        Assert.Equal(agency, Read(sentence + "\n").Agency);
    }

    [Theory]
    [InlineData("现向社会公布2021年某镇人民政府信息公开工作年度报告。", "某镇人民政府")]
    [InlineData("现向社会公布2021年某镇人民政府政府信息公开工作年度报告。", "某镇人民政府")]
    [InlineData("现向社会公布2021年某县卫生健康局政府信息公开工作年度报告。", "某县卫生健康局")]
    public void Import_PublishingSentence_NameNotCutAtRenmin(string sentence, string agency)
    {
        Assert.Equal(agency, Read(sentence + "\n").Agency);
    }

    [Theory]
    // The line before the title's bare 办事处/人民政府 finishes it only when the two make a name.
    [InlineData("某市某区人民政府某某街道\n办事处2023年政府信息公开工作年度报告\n", "某市某区人民政府某某街道办事处")]
    [InlineData("某县\n人民政府2023年政府信息公开工作年度报告\n", "某县人民政府")]
    [InlineData("首页 > 信息公开 > 年报\n某县卫生健康局2023年政府信息公开工作年度报告\n", "某县卫生健康局")]
    public void Import_WrappedTitle_NameFromBothLines(string title, string agency)
    {
        Assert.Equal(agency, Read(title).Agency);
    }

    [Theory]
    [InlineData("如对本报告有疑问,请联系某乡人民政府党政办公室,联系电话:0598-0000000。", "某乡人民政府")]
    [InlineData("对本报告有疑问,请联系:某县民政局办公室(电话:0000-0000000)。", "某县民政局")]
    public void Import_NoTitle_ContactWithoutYu(string contact, string agency)
    {
        Assert.Equal(agency, Read("本报告所列数据的统计期限自2025年1月1日至2025年12月31日。" + contact + "\n").Agency);
    }

    private static Domain.Reports.AnnualReport Read(string text) => WithHeadings.Read(text);
}
