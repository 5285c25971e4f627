using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// The five real published reports of ../shared/seeds, every cell asserted against what a careful human
/// reads in the file (typed by hand below, not produced by the importer).
/// </summary>
public sealed class SeedImportTests
{
    private static readonly Dictionary<string, SeedExpectation> Seeds = new()
    {
        // Markdown pipe tables; a 2021 report printed with the 2019 blocks and the 2019 （六）其他处理 row.
        ["000"] = new(
            "000_e915323f145c723a.txt", ReportEdition.Edition2019, "石嘴山市信访局", 2021,
            "0", [], 0, [], 0, [],
            Sec1Start: "2021 年,石嘴山市信访局以习近平新时代中国特色社会主义思想为指导",
            Sec5Start: "2021年，市信访局的政务信息公开工作取得了一定的成效",
            Sec6Start: "（一）2021年政务公开工作要点落实情况"),

        // Tab-separated; table 三 printed without its 总计 column; three-level rows lost their last cell.
        ["001"] = new(
            "001_ee45b9e2cb004431.txt", ReportEdition.Edition2021, "吴忠市信访局", 2024,
            "0", [], 0, [], 0, [],
            HasTotalColumn: false,
            Sec1Start: "2024 年市信访局坚持以习近平新时代中国特色社会主义思想",
            Sec5Start: "2024 年，吴忠市信访局政府信息公开工作存在的主要问题是",
            Sec6Start: "（一）工作开展情况"),

        // One cell per line with | separators, blanks for empty cells, rows short by one cell (2019 format).
        ["002"] = new(
            "002_27ba3d77fbcff05a.txt", ReportEdition.Edition2019, "内蒙古自治区信访局", 2019,
            null,
            new()
            {
                ["proactive2019.art20_1.normative_docs.made"] = "2",
                ["proactive2019.art20_1.normative_docs.published"] = "2",
                ["proactive2019.art20_1.normative_docs.public_total"] = "4",
                ["proactive2019.art20_9.central_procurement.items"] = "3项(41笔)",
                ["proactive2019.art20_9.central_procurement.amount"] = "4549040.96",
            },
            null,
            new()
            {
                ["apps.new_received"] = [11, null, null, null, null, null, 11],
                ["apps.outcome.granted"] = [10, null, null, null, null, null, 10],
                ["apps.outcome.unavailable.not_held"] = [1, null, null, null, null, null, 1],
                ["apps.outcome.total"] = [11, null, null, null, null, null, 11],
            },
            null,
            new() { ["review.corrected"] = 1, ["review.total"] = 1 },
            Sec1Start: "2019年,自治区信访局认真贯彻《中华人民共和国政府信息公开条例》",
            Sec5Start: "2019年,自治区信访局政府信息公开工作存在的主要问题",
            Sec6Start: ""),

        // Tab-separated with Markdown headings; rows starting in the wrong column; 其他法律法规禁止公开.
        ["003"] = new(
            "003_d0847865937e94fe.txt", ReportEdition.Edition2021, "鼓楼区信访局", 2021,
            "0", [], 0, [], 0, [],
            Sec1Start: "2021年，鼓楼区信访局认真贯彻落实",
            Sec5Start: "我局对政务公开工作的重要性、紧迫性认识不足",
            Sec6Start: "无"),

        // Tab-separated Word paste; title spaced out ("青 铜 峡 市"); a group label split over two lines.
        ["004"] = new(
            "004_6c1bbe7f11dcd8e6.txt", ReportEdition.Edition2021, "青铜峡市", 2021,
            "0",
            new()
            {
                ["proactive.art20_1.normative_docs.issued"] = "26",
                ["proactive.art20_1.normative_docs.repealed"] = "29",
                ["proactive.art20_1.normative_docs.in_force"] = "61",
                ["proactive.art20_5.licensing.decisions"] = "10164",
                ["proactive.art20_6.penalty.decisions"] = "2097",
                ["proactive.art20_6.coercion.decisions"] = "529",
                ["proactive.art20_8.admin_fees.amount_wan_yuan"] = "15954.526468",
            },
            0,
            new()
            {
                ["apps.new_received"] = [20, 0, 0, 0, 0, 0, 20],
                ["apps.outcome.granted"] = [8, 0, 0, 0, 0, 0, 8],
                ["apps.outcome.withheld.internal_affairs"] = [1, 0, 0, 0, 0, 0, 1],
                ["apps.outcome.unavailable.not_held"] = [8, 0, 0, 0, 0, 0, 8],
                ["apps.outcome.other.other"] = [2, 0, 0, 0, 0, 0, 2],
                ["apps.outcome.total"] = [19, 0, 0, 0, 0, 0, 19],
                ["apps.carried_forward"] = [1, 0, 0, 0, 0, 0, 1],
            },
            0,
            new() { ["litigation.direct.corrected"] = 1, ["litigation.direct.pending"] = 1, ["litigation.direct.total"] = 2 },
            Sec1Start: "2021 年，青铜峡市按照《自治区人民政府办公厅关于印发自治区 2021 年政务公开工作要点的通知》",
            Sec5Start: "尽管我市在政务公开做了大量工作",
            Sec6Start: "（一）政务公开工作要点完成情况。"),
    };

    public static TheoryData<string> SeedNames() => [.. Seeds.Keys];

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Import_Seed_MetadataAsPrinted(string seed)
    {
        var (expected, report) = Import(seed);

        Assert.Equal(expected.Edition, report.Edition);
        Assert.Equal(expected.Agency, report.Agency);
        Assert.Equal(expected.Year, report.Year);
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Import_Seed_EveryProactiveCell(string seed)
    {
        var (expected, report) = Import(seed);

        foreach (var key in report.Schema.ProactiveKeys)
        {
            var want = expected.Proactive.TryGetValue(key, out var v) ? v : expected.ProactiveDefault;
            Assert.True(want == (report.GetProactive(key).IsBlank ? null : report.GetProactive(key).ToString()), $"{key}: expected {want ?? "blank"}, got {report.GetProactive(key)}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Import_Seed_EveryApplicationCell(string seed)
    {
        var (expected, report) = Import(seed);

        foreach (var row in report.Schema.ApplicationDataRows)
        {
            for (var c = 0; c < 7; c++)
            {
                var column = ApplicantColumns.All[c];
                int? want = expected.Applications.TryGetValue(row.Key!, out var cells) ? cells[c]
                    : column == ApplicantColumn.Total && !expected.HasTotalColumn ? null
                    : expected.ApplicationsDefault;
                Assert.True(want == report.GetApplications(row.Key!, column), $"{row.Key}@{column.Key()}: expected {want?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "blank"}, got {report.GetApplications(row.Key!, column)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "blank"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Import_Seed_EveryReviewCell(string seed)
    {
        var (expected, report) = Import(seed);

        foreach (var column in report.Schema.ReviewColumns)
        {
            var want = expected.Review.TryGetValue(column.Key, out var v) ? v : expected.ReviewDefault;
            Assert.True(want == report.GetReview(column.Key), $"{column.Key}: expected {want}, got {report.GetReview(column.Key)}");
        }
    }

    [Theory]
    [MemberData(nameof(SeedNames))]
    public void Import_Seed_NarrativeSectionsByHeading(string seed)
    {
        var (expected, report) = Import(seed);

        Assert.StartsWith(expected.Sec1Start ?? "（一）", report.Sections.Sec1, StringComparison.Ordinal);
        if (expected.Sec5Start is not null)
        {
            Assert.StartsWith(expected.Sec5Start, report.Sections.Sec5, StringComparison.Ordinal);
        }

        Assert.StartsWith(expected.Sec6Start ?? string.Empty, report.Sections.Sec6, StringComparison.Ordinal);
        Assert.DoesNotContain("二、主动公开政府信息情况", report.Sections.Sec1, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Seed000_EditionFromBlocksWithWarning()
    {
        var result = ReportFileReader.ReadFile(SeedPath("000_e915323f145c723a.txt"));
        var diagnostics = new Gongkai.Reporting.Validation.ReportValidator().Validate(result.Report!);

        Assert.Contains(diagnostics, d => d.Code == "GK3001");
    }

    [Fact]
    public void Import_Seed001_SubheadingsStayInsideTheirSection()
    {
        var (_, report) = Import("001");

        Assert.Contains("（二）依申请公开情况", report.Sections.Sec1, StringComparison.Ordinal);
        Assert.Contains("（五）监督保障情况", report.Sections.Sec1, StringComparison.Ordinal);
        Assert.Contains("（二）信息处理费收取情况", report.Sections.Sec6, StringComparison.Ordinal);
        Assert.DoesNotContain("六、其他需要报告的事项", report.Sections.Sec5, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Seed001_MissingCellsInferredAndSaid()
    {
        var result = ReportFileReader.ReadFile(SeedPath("001_ee45b9e2cb004431.txt"));

        Assert.Contains(result.Diagnostics, d => d.Code == "GK4017");
        var inferred = result.Diagnostics.Where(d => d.Code == "GK4006").ToArray();
        Assert.Equal(19, inferred.Length);
        Assert.All(inferred, d => Assert.Equal("org.other", d.Location.ColumnKey));
    }

    [Fact]
    public void Import_Seed002_AmbiguousRowsSaySoWithPosition()
    {
        var result = ReportFileReader.ReadFile(SeedPath("002_27ba3d77fbcff05a.txt"));

        var granted = Assert.Single(result.Diagnostics, d => d.Code == "GK4005" && d.Message.Contains("予以公开", StringComparison.Ordinal));
        Assert.Equal(92, granted.Location.Line);
        Assert.Contains("唯一满足勾稽关系", granted.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, d => d.Code == "GK4002" && d.Location.Section == "sec6");
    }

    [Fact]
    public void Import_AllSeeds_ValidateWithoutErrors()
    {
        foreach (var seed in Seeds.Values)
        {
            var result = ReportFileReader.ReadFile(SeedPath(seed.File));
            var diagnostics = result.Diagnostics.Concat(new Gongkai.Reporting.Validation.ReportValidator().Validate(result.Report!));

            Assert.DoesNotContain(diagnostics, d => d.Severity == Domain.Diagnostics.Severity.Error);
        }
    }

    private static (SeedExpectation Expected, AnnualReport Report) Import(string seed)
    {
        var expected = Seeds[seed];
        var result = ReportFileReader.ReadFile(SeedPath(expected.File));
        Assert.NotNull(result.Report);
        return (expected, result.Report);
    }

    private static string SeedPath(string file) => RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "seeds", file);
}
