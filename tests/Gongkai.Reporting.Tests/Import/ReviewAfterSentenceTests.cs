using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Section 四 opening with a sentence that holds a number (the year) before table 四, whose header a PDF's text prints with
/// the result words one character a line ("结 结 其 尚" / "维 纠 结 审"): the group labels (未经复议直接起诉, 复议后起诉) after
/// the sentence say the table is still ahead. Before, only 维持 said so; the sentence was taken for the end of the table
/// and table 四 was reported missing (GK4003) with its fifteen cells blank.
/// </summary>
public sealed class ReviewAfterSentenceTests
{
    private static readonly string Fixture = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "book-shenji-2020-table4-after-sentence-vertical-header-excerpt.txt");

    [Fact]
    public void Import_SentenceBeforeTable4WithHeaderCutIntoCharacters_RowRead()
    {
        // Page 9 of a 审计局's 2020 report as a flip-book page: `2020 年,我单位…未出现申请行政复议、提起行政诉讼的情况。`, the
        // header, then `0 0 0 0 0 0 0 0 0 0 0 0 0 0 0` (read by hand).
        var result = ReportFileReader.ReadFile(Fixture);

        var report = result.Report!;
        Assert.All(report.Schema.ReviewColumns, c => Assert.Equal(0, report.GetReview(c.Key)));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4003" && d.Message.Contains("表四", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_SentenceAfterTable4Row_StillEndsTheTable()
    {
        // The rule it refines: a sentence after the row (no header cell after it) ends the table, its number not a cell.
        var text = File.ReadAllText(Fixture).Replace(
            "五、存在的主要问题及改进情况\n", "本年度共办理复议案件3件。\n五、存在的主要问题及改进情况\n", StringComparison.Ordinal);

        var report = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text)).Report!;

        Assert.All(report.Schema.ReviewColumns, c => Assert.Equal(0, report.GetReview(c.Key)));
    }
}
