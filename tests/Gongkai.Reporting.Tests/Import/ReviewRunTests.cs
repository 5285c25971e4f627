using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 四 printed as one run of digits in which one group cannot add up to its 总计 however it is split (a misprint):
/// the two groups that have a single reading are kept, the third is left blank, and the diagnostic names it.
/// </summary>
public sealed class ReviewRunTests
{
    [Fact]
    public void Import_RunWhereOneGroupCannotAddUp_OtherGroupsKept()
    {
        // `00202000001324015`: 行政复议 0,0,2,0,2 and 未经复议直接起诉 0,0,0,0,0 are forced; `1324015` has no split whose
        // four results add up to its 总计 (read by hand: probably 13,2,4,0,15, the 15 a misprint).
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-shs-2024-review-group-not-adding-up.txt"));

        var report = result.Report!;
        int?[] expected = [0, 0, 2, 0, 2, 0, 0, 0, 0, 0, null, null, null, null, null];
        Assert.Equal(expected, report.Schema.ReviewColumns.Select(c => report.GetReview(c.Key)).ToArray());
        var split = Assert.Single(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("00202000001324015", StringComparison.Ordinal));
        Assert.Contains("“复议后起诉”一组没有一种拆分满足其总计，留空", split.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Every group adds up: the whole run is read, no group left blank.
    [InlineData("00202000001324019", new[] { 0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19 })]
    public void Import_RunWhereEveryGroupAddsUp_ReadWhole(string run, int[] cells)
    {
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-shs-2024-review-group-not-adding-up.txt"))
            .Replace("00202000001324015", run, StringComparison.Ordinal);

        var report = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text)).Report!;

        Assert.Equal(cells.Select(c => (int?)c).ToArray(), report.Schema.ReviewColumns.Select(c => report.GetReview(c.Key)).ToArray());
    }

    [Fact]
    public void Import_RunWhereTwoGroupsCannotAddUp_NothingGuessed()
    {
        // Neither 行政复议 (…,9 after 0,0,2,0) nor the last group can add up: no group is certain, so the table is
        // not split into groups (the row is read as printed and flagged, GK4005), never half-guessed.
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-shs-2024-review-group-not-adding-up.txt"))
            .Replace("00202000001324015", "00209000001324015", StringComparison.Ordinal);

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("留空", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4005" && d.Message.Contains("行政复议", StringComparison.Ordinal));
    }

    [Theory]
    // Truth 0,0,2,0,12 (the misprint) | 12,12,5,1,30 | 0,12,0,5,17: with the first group unchecked the other two add up,
    // but so do they, by chance, with the second unchecked (0,0,20,1,21 | … ): no group is certain.
    [InlineData("002012121251300120517")]
    // Truth 5,0,0,0,15 | 1,5,1,1,8 | 1,12,1,1,15: two groups can be the one at fault.
    [InlineData("500015151181121115")]
    public void Import_RunWhereMoreThanOneGroupCanBeAtFault_NothingGuessed(string run)
    {
        var text = File.ReadAllText(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-shs-2024-review-group-not-adding-up.txt"))
            .Replace("00202000001324015", run, StringComparison.Ordinal);

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("留空", StringComparison.Ordinal));
        Assert.All(result.Report!.Schema.ReviewColumns, c => Assert.Null(result.Report.GetReview(c.Key)));
    }
}
