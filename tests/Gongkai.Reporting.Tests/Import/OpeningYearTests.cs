using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// The year of a report with no year in its title and no statistics period, from a paragraph of section 一 that opens
/// with it: "2021年，…" first; the looser "2024年我镇…", "2019年度街道受理…", "截至…年12月31日" only when no paragraph
/// opens so, since a line before it may name an earlier year (real pages that need the looser form are openings 627,
/// 723, 807, 930).
/// </summary>
public sealed class OpeningYearTests
{
    [Theory]
    [InlineData("F1-year-history.txt")] // 2020年度我区政务公开工作在全省考核中位列第一。 before 2021年，我区…
    [InlineData("F2-year-jiezhi.txt")] // 截至2020年12月31日，我区已建成政务公开专区12个。 before 2021年，我区…
    public void Import_EarlierYearNamedBeforeTheOpening_YearOfTheOpening(string file)
    {
        var report = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "review", file)).Report!;

        Assert.Equal(2021, report.Year);
    }
}
