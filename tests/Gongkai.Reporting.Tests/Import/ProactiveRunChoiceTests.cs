using System.Globalization;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// A table 二 row whose digits ran together in more than one possible way (table 二 has no sum rule): the split taken is
/// the one real reports make likeliest — the most cells that are 0 — and still flagged GK4007. Each row below is one where
/// another copy of the same report settles the split (the archive's page.html beside the crawler's page.txt, or the
/// report's own prose); the most even split, taken before, read every one of them wrong.
/// </summary>
public sealed class ProactiveRunChoiceTests
{
    [Theory]
    // 交通与建设局 2019: page.html prints 行政许可 88 | 0 | 1 and 行政处罚 26 | 0 | 0 (the 2020 report's 上一年项目数量 are 88 and 26).
    [InlineData("sweeps", "pingtan-jtj-2019-table2-runs-zero-cells.txt", "proactive2019.art20_5.licensing", "88|0|1", "8801", "取为 0 的栏最多")]
    [InlineData("sweeps", "pingtan-jtj-2019-table2-runs-zero-cells.txt", "proactive2019.art20_6.penalty", "26|0|0", "2600", "取为 0 的栏最多")]
    // 交通与建设局 2020: page.html prints 88 | -72 | 0 and 26 | -26 | 0.
    [InlineData("sweeps", "pingtan-jtj-2020-table2-signed-runs-zero-cells.txt", "proactive2019.art20_5.licensing", "88|-72|0", "88-720", "取为 0 的栏最多")]
    [InlineData("sweeps", "pingtan-jtj-2020-table2-signed-runs-zero-cells.txt", "proactive2019.art20_6.penalty", "26|-26|0", "26-260", "取为 0 的栏最多")]
    // 管委会办公室 2022: the prose says 本年度制发规范性文件34件, which settles it (the 0 cell agrees).
    [InlineData("sweeps", "pingtan-gwh-2022-table2-run-prose-settles.txt", "proactive.art20_1.normative_docs", "34|0|89", "34089", "与报告正文所述的件数相符")]
    // 平潭综合实验区 2019 (the hand-read corpus; its page.html settles these).
    [InlineData("real", "pingtan-2019-crawler-oneline.txt", "proactive2019.art20_5.licensing", "396|0|181", "3960181", "取为 0 的栏最多")]
    [InlineData("real", "pingtan-2019-crawler-oneline.txt", "proactive2019.art20_6.penalty", "2648|0|430", "26480430", "取为 0 的栏最多")]
    [InlineData("real", "pingtan-2019-crawler-oneline.txt", "proactive2019.art20_6.coercion", "126|0|25", "126025", "取为 0 的栏最多")]
    [InlineData("real", "pingtan-2019-crawler-oneline.txt", "proactive2019.art20_8.admin_fees", "35|0", "350", "取为 0 的栏最多")]
    public void Import_RunOfSeveralSplits_TheOneWithZeroCells_StillFlagged(string folder, string file, string row, string cells, string printed, string why)
    {
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", folder, file));

        var report = result.Report!;
        var columns = report.Schema.ProactiveKeys.Where(k => k.StartsWith(row + ".", StringComparison.Ordinal));
        Assert.Equal(cells, string.Join('|', columns.Select(k => report.GetProactive(k).Number.ToString(CultureInfo.InvariantCulture))));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("（" + printed + "）", StringComparison.Ordinal) &&
            d.Message.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void Import_RunWhoseCountsTheProseStates_SplitAgreeingWithTheProse()
    {
        // 管委会办公室 2025 prints 行政规范性文件97253; its section 一 says 制发行政规范性文件9件，按程序确认失效或废止文件7件，
        // 现行有效行政规范性文件共253件. The most even split (9, 72, 53) was taken before.
        var result = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-gwh-2025-table2-run-prose-states-counts.txt"));

        Assert.Equal("9|7|253", string.Join('|', new[] { "issued", "repealed", "in_force" }.Select(c =>
            result.Report!.GetProactive("proactive.art20_1.normative_docs." + c).Number.ToString(CultureInfo.InvariantCulture))));
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4007" && d.Message.Contains("（97253）", StringComparison.Ordinal) &&
            d.Message.Contains("与报告正文所述的件数相符", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_ProseCountOf规章_NotTakenForTheRow()
    {
        // The same report with its sentence about 规章 instead: 废止规章72件 says nothing of the 规范性文件 row, so it does not
        // outweigh the 253 in force (taken as the row's 本年废止件数, it tied 9, 72, 53 with 9, 7, 253).
        var path = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-gwh-2025-table2-run-prose-states-counts.txt");
        var text = File.ReadAllText(path).Replace("按程序确认失效或废止文件7件", "废止规章72件", StringComparison.Ordinal);

        var result = ReportFileReader.Read(System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal("9|7|253", string.Join('|', new[] { "issued", "repealed", "in_force" }.Select(c =>
            result.Report!.GetProactive("proactive.art20_1.normative_docs." + c).Number.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Import_RunPrintedInTwoPieces_ZeroNotPreferred_StockOfZeroNotPreferred()
    {
        // "行政规范性文件20 155" (管委会办公室 2021, whose prose says 发布规范性文件20份): the space parts 20 from the rest, so it
        // is not cut into 2 and 0.
        var pieces = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "pingtan-gwh-2021-table2-run-in-two-pieces.txt"));
        Assert.Equal(20m, pieces.Report!.GetProactive("proactive.art20_1.normative_docs.issued").Number);

        // "77132470" (平潭 2023): 771 made, 3,247 repealed and 0 in force is no reading (the documents made this year are
        // among those in force); the most even split is kept.
        var stock = ReportFileReader.ReadFile(RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "real", "pingtan-2023-crawler-oneline-runs.txt"));
        Assert.Equal("77|132|470", string.Join('|', new[] { "issued", "repealed", "in_force" }.Select(c =>
            stock.Report!.GetProactive("proactive.art20_1.normative_docs." + c).Number.ToString(CultureInfo.InvariantCulture))));
    }
}
