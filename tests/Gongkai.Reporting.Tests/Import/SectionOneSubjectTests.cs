using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Eleventh sweep: pages without a title or preamble naming the report, whose section 一 opens with the agency as its
/// subject and no year before it — "文登区住建局高度重视政府信息公开工作，…" (eighth sweep), "（一）主动公开情况。三亚市坚持以…"
/// (seventh sweep; the same shapes in openings 713 and 206) — and whose first paragraph states the year only at the head of
/// a later sentence ("…在阳光下运行。2019年，文登区住建局共主动公开…", "…服务作用。2019年度，我乡…"). All read null before.
/// </summary>
public sealed class SectionOneSubjectTests
{
    [Theory]
    [InlineData("wendeng-zjj-2019-subject-and-year-inside-section-one-excerpt.txt", "文登区住建局", 2019)]
    [InlineData("sanya-mirror-2024-subject-after-subhead-excerpt.txt", "三亚市", 2024)]
    public void Import_NoTitle_AgencyOpeningSectionOne(string file, string agency, int year)
    {
        var report = WithHeadings.Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", file)), file);

        Assert.Equal(agency, report.Agency);
        Assert.Equal(year, report.Year);
    }

    [Fact]
    public void Import_NoTitle_YearOpeningALaterSentenceOfSectionOne()
    {
        const string Fixture = "lzq-township-2019-year-inside-section-one-excerpt.txt";
        var report = WithHeadings.Read(File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", Fixture)), Fixture);

        // The township speaks of itself only as 我乡: no name.
        Assert.Null(report.Agency);
        Assert.Equal(2019, report.Year);
    }

    [Theory]
    // The report's word for itself, a place's party and government, an office of the agency or of a 领导小组: no name.
    [InlineData("我局高度重视政府信息公开工作,认真贯彻落实《条例》。")]
    [InlineData("区委区政府高度重视政府信息公开工作,认真贯彻落实《条例》。")]
    [InlineData("局办公室认真做好政府信息公开工作。")]
    [InlineData("领导小组办公室认真做好政府信息公开工作。")]
    // A subject opening a later paragraph, not the first nor its first subhead's.
    [InlineData("我局认真贯彻《条例》。\n(一)主动公开情况。我局主动公开信息9条。\n(二)依申请公开情况。某某县民政局高度重视依申请公开。")]
    public void Import_NoTitle_NoNameTakenFromSectionOne(string opening)
    {
        var report = WithHeadings.Read(WithHeadings.First + "\n" + opening + "\n");

        Assert.Null(report.Agency);
    }

    [Fact]
    public void Import_NoTitle_YearNotTakenFromAParagraphNamingTwo()
    {
        var report = WithHeadings.Read(WithHeadings.First + "\n我局高度重视政府信息公开工作。2018年底,我局完成机构改革。2019年,我局共主动公开政府信息9条。\n");

        Assert.Null(report.Year);
    }
}
