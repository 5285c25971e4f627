using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Thirteenth sweep: names that carry a bracket, on pages without a title. An agency with two names, the second in
/// brackets (一个机构两块牌子): "现发布《银川市民族事务委员会(宗教事务局)2024年政府信息公开工作年度报告》", and as the subject of
/// section 一, "2025年,市民委(宗教局)坚持以…" (四平) and "2024年,银川市民委(宗教局)深入学习…" — both read null before. And the
/// short name a publishing sentence defines between the name and the year, "现公布鄂温克族自治旗民族事务委员会(以下简称旗民委)
/// 2024年…": the sentence was not read, and the contact line's short name with its office, `旗民委办公室`, was taken (wrong).
/// </summary>
public sealed class NameInBracketsTests
{
    [Theory]
    [InlineData("yinchuan-mw-2024-second-name-in-brackets-excerpt.txt", "银川市民族事务委员会(宗教事务局)", 2024)]
    [InlineData("siping-mw-2025-subject-second-name-in-brackets-excerpt.txt", "市民委(宗教局)", 2025)]
    [InlineData("ewenke-mw-2024-short-name-before-year-excerpt.txt", "鄂温克族自治旗民族事务委员会", 2024)]
    public void Import_NoTitle_NameWithABracket(string file, string agency, int year)
    {
        var report = WithHeadings.Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", file)), file);

        Assert.Equal(agency, report.Agency);
        Assert.Equal(year, report.Year);
    }

    [Theory]
    [InlineData("现公布某县民族宗教事务局(以下简称县民宗局)2023年政府信息公开工作年度报告。", "某县民族宗教事务局")]
    [InlineData("现发布《某市民族事务委员会(宗教事务局)2023年政府信息公开工作年度报告》。", "某市民族事务委员会(宗教事务局)")]
    [InlineData("2023年,某市民委(宗教局)坚持以公开为常态。", "某市民委(宗教局)")]
    // A bracket that is no second name: the Regulation's short name, a note, the report's word for itself.
    [InlineData("根据《条例》(以下简称《条例》)2023年政府信息公开工作年度报告如下。", null)]
    [InlineData("2023年,我局(办)坚持以公开为常态。", null)]
    public void Import_NoTitle_BracketInTheOpening(string opening, string? agency)
    {
        var report = WithHeadings.Read(opening + "\n" + WithHeadings.First + "\n");

        Assert.Equal(agency, report.Agency);
        Assert.Equal(2023, report.Year);
    }
}
