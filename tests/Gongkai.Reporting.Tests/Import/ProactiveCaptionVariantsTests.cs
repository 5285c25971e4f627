using System.Globalization;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// Table 二's block captions printed without the second 第 ("第二十条（六）项", as a county's form prints them beside
/// "第二十条第（五）项"): each opens its block. Before, they were taken for a cell of the row above and reported as content
/// left out (GK4009 “多出的‘第二十条（六）项’已忽略”) on three rows.
/// </summary>
public sealed class ProactiveCaptionVariantsTests
{
    private static readonly string Fixture = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "sweeps", "gucheng-jyj-2020-table2-captions-without-di-excerpt.txt");

    [Fact]
    public void Import_CaptionsWithoutSecondDi_OpenTheirBlocksAndNothingIsLeftOut()
    {
        // 故城县教育局, 2020 (a mirror's copy), 2019 layout: every cell of table 二 is 0 (read by hand).
        var result = ReportFileReader.ReadFile(Fixture);

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "GK4009");
        var report = result.Report!;
        Assert.All(report.Schema.ProactiveKeys, k => Assert.Equal("0", report.GetProactive(k) is { IsNumber: true } v ? v.Number.ToString(CultureInfo.InvariantCulture) : "空白"));
    }
}
