using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Seventh sweep: pages without a title whose opening names the agency in shapes the opening rules did not know — a
/// 国务院部门 ending in 部 ("2024年,教育部坚持…"), a subject followed by 准确 ("2022年,山西省退役军人事务厅准确把握…"), the
/// Regulation cited between the compiler and 编制 ("本年度报告由杭州市余杭区发展和改革局根据《…条例》…要求编制而成"): all three
/// read null before. And a bare 开发区 as the subject ("2022年,开发区坚持…"), read as the agency before, is no name.
/// </summary>
public sealed class OpeningNamesAgencyTests
{
    [Theory]
    [InlineData("moe-2024-opening-subject-bu-excerpt.txt", "教育部", 2024)]
    [InlineData("shanxi-tyjrt-2022-opening-subject-zhunque-excerpt.txt", "山西省退役军人事务厅", 2022)]
    [InlineData("yuhang-fgj-2022-compiled-by-under-regulation-excerpt.txt", "杭州市余杭区发展和改革局", 2022)]
    // Ninth sweep: four documents cited between the compiler and 编制, 150 characters of them (本报告由重庆解放碑中央商务区管理委员会
    // 根据《…条例》《…通知》《…实施意见》及《…通知》等文件要求编制).
    [InlineData("cqyz-jfb-cbd-2020-compiled-by-long-citations-excerpt.txt", "重庆解放碑中央商务区管理委员会", 2020)]
    // Ninth sweep: the subject without a comma after the year, "2021年东花市街道深入贯彻《政府信息公开条例》…" (left by the fifth
    // sweep; the same shape on a 台州 zone's page, openings 313: "2023年台州湾经济技术开发区管委会按照党中央…"). Both read null before.
    [InlineData("bjdch-donghuashi-street-2021-year-name-no-comma-excerpt.txt", "东花市街道", 2021)]
    // Thirteenth sweep: the year opened by 在, "在2024年,长春市经济合作局坚决贯彻…" (the same opening with 我局 on openings 617):
    // agency and year null before.
    [InlineData("changchun-jhj-2024-zai-before-year-excerpt.txt", "长春市经济合作局", 2024)]
    // Fourteenth sweep, from the twelfth's list: 2023年,长春新区科技局出台四项规范性文件… (the subject of an act of the year's
    // work, named again: 长春新区科技局无行政许可…), read null before. Openings 135 (2020年,官塘乡召开班子会议…) the same.
    [InlineData("changchun-xq-kjj-2023-subject-chutai-excerpt.txt", "长春新区科技局", 2023)]
    // Fourteenth sweep: 2020年,常州市人民政府办公室贯彻党中央…的决策部署 (贯彻 after the subject, as openings 150's 2023年,沧水铺镇贯彻…),
    // and 本年度报告由长春净月高新技术产业开发区政策研究室依据《…》…编制而成 (an office ending in 研究室, as 孝感市政府研究室,
    // openings 401): both read null before.
    [InlineData("changzhou-bgs-2020-subject-guanche-excerpt.txt", "常州市人民政府办公室", 2020)]
    [InlineData("jingyue-zcyjs-2023-compiled-by-yanjiushi-excerpt.txt", "长春净月高新技术产业开发区政策研究室", 2023)]
    // Fifteenth sweep: 本报告由临沂市供销合作社联合社按照《…》…要求编制 (a 供销合作社's name ends in 联合社, 联社 or 合作社, as
    // 陈仓区供销联社's on the same sweep): read as the contact line's 临沂市供销合作社联合社办公室 before, a wrong value.
    [InlineData("linyi-coop-2022-compiled-by-lianheshe-excerpt.txt", "临沂市供销合作社联合社", 2022)]
    public void Import_NoTitle_AgencyFromTheOpening(string file, string agency, int year)
    {
        var report = ReadCompleted(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", file)));

        Assert.Equal(agency, report.Agency);
        Assert.Equal(year, report.Year);
    }

    [Fact]
    public void Import_NoTitle_BareZoneWordIsNoAgency()
    {
        // 西宁经济技术开发区 names itself only in the titles of its guides (《西宁经济技术开发区政府信息公开指南》).
        var report = ReadCompleted(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "xining-jkq-2022-bare-kaifaqu-excerpt.txt")));

        Assert.Null(report.Agency);
        Assert.Equal(2022, report.Year);
    }

    [Theory]
    [InlineData("2023年,生态环境部认真贯彻落实《条例》。", "生态环境部")]
    [InlineData("2023年,杨凌示范区坚持公开为常态。", "杨凌示范区")]
    [InlineData("2023年,各部门坚持公开为常态。", null)]
    [InlineData("2023年,高新区坚持公开为常态。", null)]
    [InlineData("2023年某县民政局深入贯彻《条例》。", "某县民政局")]
    [InlineData("2023年我局深入贯彻《条例》。", null)]
    [InlineData("在2023年,某县民政局深入贯彻《条例》。", "某县民政局")]
    // Thirteenth sweep: 2024年以来,大山镇深入贯彻… and 2025年以来,宗关街道深入学习… (read there from a title and a contact line);
    // 2022年以来,丰收乡在县委县政府的正确领导下,认真… (openings 801, null before).
    [InlineData("2023年以来,某县民政局深入贯彻《条例》。", "某县民政局")]
    [InlineData("2023年,某县民政局在县委县政府的正确领导下,认真贯彻《条例》。", "某县民政局")]
    [InlineData("2023年以来,我局在县委县政府的正确领导下,认真贯彻《条例》。", null)]
    // The subject of an act only when the text names it again; a superior's act is no subject of the report.
    [InlineData("2023年,某县民政局出台两项规范性文件。某县民政局无行政许可事项。", "某县民政局")]
    [InlineData("2023年,某县民政局出台两项规范性文件。", null)]
    [InlineData("2023年,国务院办公厅印发《要点》。国务院办公厅要求…", null)]
    // Fifteenth sweep: a 供销合作社 as the subject, and as the contact line's name before its office.
    [InlineData("2023年,某县供销合作社联合社认真贯彻《条例》。", "某县供销合作社联合社")]
    [InlineData("2023年,我社认真贯彻《条例》。如有疑问,请与某县供销联社办公室联系。", "某县供销联社")]
    public void Import_NoTitle_OpeningSubject(string opening, string? agency)
    {
        var report = ReadCompleted("一、总体情况\n" + opening + "\n");

        Assert.Equal(agency, report.Agency);
        Assert.Equal(2023, report.Year);
    }

    private static Domain.Reports.AnnualReport ReadCompleted(string text) => WithHeadings.Read(text);
}
