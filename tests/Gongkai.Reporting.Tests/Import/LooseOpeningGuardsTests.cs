namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// The looser opening rules of the thirteenth and fourteenth sweeps (a subject followed by an act of the year's work or by
/// 贯彻, a name with a second name in brackets, a year after 在, a cited report's title giving way to the year the text
/// states) as a review of them found they could read another body or another year. Each text below is a plausible opening
/// of a title-less report; each read a wrong value after the sweeps (null or right before them).
/// </summary>
public sealed class LooseOpeningGuardsTests
{
    [Theory]
    // A superior's act opens the report; the author names itself in words of another kind (我局, 我厅, 我镇).
    [InlineData("2023年，县政府办公室印发《某县2023年政务公开工作要点》，我局认真贯彻落实，县政府办公室要求的各项任务均已完成。\n如对本报告有任何疑问，请与某县教育局办公室联系。\n", "县政府办公室")]
    [InlineData("2023年，某县人民政府贯彻落实《条例》要求，我局在县政府的领导下扎实推进政务公开。某县人民政府高度重视。\n", "某县人民政府")]
    [InlineData("2023年，县政务服务中心（县政务公开办）坚持以公开为常态，我镇扎实推进政务公开工作。\n", "县政务服务中心（县政务公开办）")]
    [InlineData("2023年，国家税务总局印发《政务公开工作要点》，我局按照国家税务总局部署要求，认真做好政府信息公开工作。\n", "国家税务总局")]
    [InlineData("2023年，省政府办公厅印发《政务公开工作要点》，我厅按照省政府办公厅部署要求，扎实推进。\n", "省政府办公厅")]
    // Found by a second review: a government over a town, a name merely containing 乡/街道, a superior of the same kind
    // named without its place, a coordinating body over a district's department.
    [InlineData("2023年，某县人民政府印发《2023年政务公开工作要点》，我镇认真贯彻落实某县人民政府部署要求。\n请与某县某镇人民政府党政办公室联系。\n", "某县人民政府")]
    [InlineData("2023年，某县住房和城乡建设局印发《要点》，我乡认真落实某县住房和城乡建设局部署。\n", "某县住房和城乡建设局")]
    [InlineData("2023年，某区街道工作办公室印发《要点》，我街道认真落实某区街道工作办公室部署。\n", "某区街道工作办公室")]
    [InlineData("2023年，市教育局贯彻落实《条例》，我局按照市教育局部署扎实推进政务公开。\n请与某县教育局办公室联系。\n", "市教育局")]
    [InlineData("2023年，区政务服务和数据管理局印发《2023年全区政务公开工作要点》，我区各部门认真落实。按照区政务服务和数据管理局要求推进。\n请与某区司法局办公室联系。\n", "区政务服务和数据管理局")]
    public void Import_AnotherBodysActOpensTheReport_NotItsAgency(string text, string wrong)
    {
        var report = WithHeadings.Read(WithHeadings.First + "\n" + text);

        Assert.NotEqual(wrong, report.Agency?.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SubjectsOwnActNamedAgainInItsOwnWords_StillRead()
    {
        // As openings 135: the town's own meeting, the town naming itself 我乡 after it.
        var report = WithHeadings.Read(WithHeadings.First + "\n2020年，官塘乡召开班子会议专题研究政务公开工作，我乡政务公开工作有序推进。官塘乡严格落实各项要求。\n");

        Assert.Equal("官塘乡", report.Agency);
        Assert.Equal(2020, report.Year);
    }

    [Theory]
    // A short page whose tables were images: the report publishing its own title, and a plan under 五 opening with the next
    // year — no statement of a later year of its own; also a plan in other words than 将 (继续, 计划).
    [InlineData("现向社会公布", "2024年，我局将进一步加强政府信息公开工作。")]
    [InlineData("发布", "2024年，继续加强政府信息公开工作。")]
    [InlineData("发布", "2024年，我局计划进一步规范依申请公开。")]
    public void Import_OwnTitleAndAPlanUnderFive_TitleRead(string publishing, string plan)
    {
        var report = WithHeadings.Read("一、总体情况\n根据《条例》要求，" + publishing + "《某县某局2023年政府信息公开工作年度报告》。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n" + plan + "\n六、其他需要报告的事项\n");

        Assert.Equal("某县某局", report.Agency);
        Assert.Equal(2023, report.Year);
    }

    [Fact]
    public void Import_CompiledByASupplyCooperativesUnion_WholeName()
    {
        // 合作社 ends a name, but not inside 供销合作社联合社.
        var report = WithHeadings.Read("本报告由某市供销合作社联合社编制。\n一、总体情况\n2023年，我社认真做好政府信息公开工作。\n");

        Assert.NotEqual("某市供销合作社", report.Agency);
    }

    [Fact]
    public void Import_YearAfterZaiOfAFoundationLaidEarlier_NotTheReportsYear()
    {
        var report = WithHeadings.Read(WithHeadings.First + "\n在2022年，某县民政局政务公开工作取得一定成效的基础上，2023年，我局继续深化政务公开。\n");

        Assert.NotEqual(2022, report.Year);
    }

    [Theory]
    // Sixteenth sweep: the contact sentence with 与 reads a town's or township's 政府 without 人民 (请与宾县三宝乡政府联系). Not
    // 乡镇 in general, nor a town the reader is pointed to by where they live: a county body's report may send them there.
    [InlineData("如对本报告有疑问，请与当地乡镇政府联系。")]
    [InlineData("涉及征地拆迁事项的申请，请与所在镇政府联系。")]
    [InlineData("具体事项请与辖区各乡镇政府联系（电话：0000-0000000）。")]
    public void Import_ContactSentenceSendsTheReaderToATown_NotTheAgency(string contact)
    {
        var report = WithHeadings.Read("本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。" + contact + "\n" + WithHeadings.First + "\n2021年，我局认真做好政府信息公开工作。\n");

        Assert.DoesNotContain("政府", report.Agency ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ContactSentenceNamesTheTownsOffice_ReadAsBefore()
    {
        // 政府 then the office that answers: read as before the sixteenth sweep's rule, the name without its office.
        var report = WithHeadings.Read("本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。如对本报告有疑问，请与某某乡政府党政办公室联系。\n" + WithHeadings.First + "\n");

        Assert.Equal("某某乡政府", report.Agency);
    }

    [Theory]
    // Sixteenth sweep: a list's bullet before a title is no part of the name. Bullets before other lines do not make them a
    // title or a name: a metadata list (发布机构), a breadcrumb, a list item of another body's act.
    [InlineData("• 索 引 号:20/2021-0000000\n  • 发布机构:县生态环境局\n  • 公开方式:政府网站\n\n某市生态环境局某县分局2020年政府信息公开工作年度报告\n", "某市生态环境局某县分局", 2020)]
    [InlineData("• 首页 • 政务公开 • 政府信息公开年报\n某县某局2020年政府信息公开工作年度报告\n", "某县某局", 2020)]
    [InlineData("● 某县某乡人民政府2020年政府信息公开工作年度报告\n", "某县某乡人民政府", 2020)]
    public void Import_BulletsAroundTheTitle_TitlesAgency(string opening, string agency, int year)
    {
        var report = WithHeadings.Read(opening + WithHeadings.First + "\n2020年，我局认真做好政府信息公开工作。\n");

        Assert.Equal(agency, report.Agency);
        Assert.Equal(year, report.Year);
    }

    [Fact]
    public void Import_BulletedItemOfAnotherBodysAct_NotTheAgency()
    {
        var report = WithHeadings.Read(WithHeadings.First + "\n• 2020年，县政府办公室印发《2020年政务公开工作要点》，我局认真贯彻落实。\n• 我局全年主动公开政府信息56条。\n");

        Assert.NotEqual("县政府办公室", report.Agency);
    }
}
