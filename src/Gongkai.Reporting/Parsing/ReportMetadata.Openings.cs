using System.Text.RegularExpressions;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// The patterns of a title-less report's opening: the year-first sentence naming its subject (2019年，某局认真贯彻…; a
/// 国务院部门 ending in 部: 2024年，教育部坚持…; without the comma: 2021年东花市街道深入贯彻…), the paragraphs of section 一
/// opening with the year, and the sentence naming the office that compiled the report (由某局编制, 由某局根据《条例》…要求编制
/// 而成, 结合某局…工作实际编制).
/// </summary>
internal static partial class ReportMetadata
{
    // Also "2022年以来，…" and the subject followed by who led it ("2022年以来，丰收乡在县委县政府的正确领导下，认真…").
    // Also a subject that did something of the year's work (2023年，长春新区科技局出台四项规范性文件…): taken only when the
    // text names it again (see ActionSubjectNamedAgain), since a superior's act opens a report too (2023年，省政府办公厅印发…).
    [GeneratedRegex(@"^(在(?![^。]*基础上))?(?<year>(19|20)\d{2})年度?(以来)?[，,]?(在[^，,。；;]{2,40}下[，,])?" + SubjectName + "(" + SubjectVerb + @"|在[^，,。；;]{2,40}下[，,]|(?<action>" + ActionVerb + "))")]
    private static partial Regex OpeningSubjectRegex();

    /// <summary>
    /// Whether the subject of an act is named again in the opening (长春新区科技局无行政许可…); a body above the report's
    /// (国务院…, 省政府办公厅…) is refused by <see cref="AnotherBodysAct"/>.
    /// </summary>
    private static bool ActionSubjectNamedAgain(string name, IReadOnlyList<SourceLine> all)
    {
        var text = string.Concat(all.Take(60).Select(l => Text.ChineseText.Compact(l.Text)));
        var first = text.IndexOf(name, StringComparison.Ordinal);
        return first >= 0 && text.IndexOf(name, first + name.Length, StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// Whether a government's name the report is compiled from is only the owner of the work, the report a department's:
    /// "结合2021年度吉林市丰满区人民政府信息公开工作实际，编制发布此报告" in a report that speaks as 我局 (a government never
    /// does; its contact line names 吉林市丰满区民政局).
    /// </summary>
    private static bool GovernmentWorkOfDepartment(string name, IReadOnlyList<SourceLine> all) =>
        name.EndsWith("政府", StringComparison.Ordinal) &&
        DepartmentSelfRegex().IsMatch(string.Concat(all.Take(40).Select(l => Text.ChineseText.Compact(l.Text))));

    [GeneratedRegex("我(局|委|厅)")]
    private static partial Regex DepartmentSelfRegex();

    [GeneratedRegex("^(国务院|中共|中央|党中央|全国|国家(?!.*[省市县区州旗]))|^(省|市|县|区|州|盟|旗|自治区|自治州)(人民)?政府(办公厅|办公室|办)?$|政务公开(办|办公室)|领导小组")]
    private static partial Regex SuperiorBodyRegex();

    /// <summary>
    /// Whether an opening subject taken by the looser shapes (an act of the year's work, 贯彻, a second name in brackets) is
    /// another body's: a superior (省政府办公厅, 国家税务总局, 县政务公开办…), or the sentence names the report's author in
    /// words of another kind (2023年，县政府办公室印发…，我局认真贯彻落实… — the subject an office, the author a 局). A
    /// subject the author names again in its own kind (2020年，官塘乡召开…，我乡…) stays.
    /// </summary>
    private static bool AnotherBodysAct(Match opening, string line)
    {
        var name = opening.Groups["agency"].Value;
        var acts = opening.Groups["action"].Success || opening.Value.EndsWith("贯彻", StringComparison.Ordinal);
        var loose = acts || name.Contains('(', StringComparison.Ordinal) || name.Contains('（', StringComparison.Ordinal);
        if (!loose)
        {
            return false;
        }

        // A superior, or (when the subject acts) a body named without its place (市教育局印发…，我局… — the city's bureau
        // over a county's): the contact line or the compiler names the report's own.
        if (SuperiorBodyRegex().IsMatch(name) || (acts && BarePlaceRegex().IsMatch(name)))
        {
            return true;
        }

        var rest = line[(opening.Index + opening.Length)..];
        var stop = rest.IndexOf('。', StringComparison.Ordinal);
        var names = NameAndSecondNameRegex().Match(name) is { Success: true } two ? new[] { two.Groups["first"].Value, two.Groups["second"].Value } : [name];
        foreach (Match self in AuthorWordRegex().Matches(stop < 0 ? rest : rest[..stop]))
        {
            var unit = self.Groups["unit"].Value;
            if (!names.Any(n => SameKind(n, unit)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a body named <paramref name="name"/> calls itself 我<paramref name="unit"/> (我局, 我办, 我委, 我镇…).</summary>
    private static bool SameKind(string name, string unit) =>
        name.EndsWith(unit, StringComparison.Ordinal) ||
        (unit == "办" && (name.EndsWith("办公室", StringComparison.Ordinal) || name.EndsWith("办公厅", StringComparison.Ordinal) || name.EndsWith("办事处", StringComparison.Ordinal))) ||
        (unit == "委" && (name.EndsWith("委员会", StringComparison.Ordinal) || name.EndsWith("管委会", StringComparison.Ordinal))) ||
        (unit is "镇" or "乡" && (name.EndsWith(unit + "人民政府", StringComparison.Ordinal) || name.EndsWith(unit + "政府", StringComparison.Ordinal))) ||
        (unit == "街道" && name.EndsWith("街道办事处", StringComparison.Ordinal));

    /// <summary>A name and its second name in brackets: 市民委(宗教局), 某县市场监督管理局（县知识产权局）.</summary>
    [GeneratedRegex(@"^(?<first>[^（(]+)[（(](?<second>[^）)]+)[）)]$")]
    private static partial Regex NameAndSecondNameRegex();

    /// <summary>A body named without its place: 市教育局, 区政务服务和数据管理局, 省政府办公厅.</summary>
    [GeneratedRegex("^(省|市|县|区|州|盟|旗)")]
    private static partial Regex BarePlaceRegex();

    /// <summary>
    /// The report's author naming itself: 我局, 本厅, 我镇… (not 本单位/本部门, which any body says, nor 我市/我区/我县/我旗,
    /// the place: 有力保障我市少数民族群众… in 市民委(宗教局)'s own report).
    /// </summary>
    [GeneratedRegex("(我|本)(?<unit>局|厅|委|办(?![法理])|镇|乡|街道|中心|院|署|所|处|馆|队)")]
    private static partial Regex AuthorWordRegex();

    /// <summary>The verbs of an act of the year's work after an opening sentence's subject (出台, 制定, 印发, 开展…).</summary>
    private const string ActionVerb = "(出台|制定|制发|印发|修订|发布|开展|完成|加强|落实|推进|做好|组织|召开)";

    /// <summary>
    /// The subject of an opening sentence: a name, a bare place (三亚市), a 国务院部门 (教育部); a name may carry its second
    /// name in brackets (市民委(宗教局): one body, two names).
    /// </summary>
    private const string SubjectName = @"(?<agency>[\u4e00-\u9fff]{2,30}?" + NameEnding + SecondName + @"|[\u4e00-\u9fff]{2,6}(区|县|市|旗|盟)|[\u4e00-\u9fff]{2,9}部)([（(]以下简称[^）)]{1,12}[）)])?";

    /// <summary>A body's second name in brackets after its first (民族事务委员会(宗教事务局)), itself ending as a name does.</summary>
    private const string SecondName = @"([（(](?!以下简称)[\u4e00-\u9fff]{1,12}?" + NameEnding + @"[）)])?";

    /// <summary>The words that follow the subject of an opening sentence (…认真贯彻, …高度重视, …坚持以).</summary>
    private const string SubjectVerb = "(准确|着力|立足|认真|深入|坚持|严格|全面|紧紧|以|按照|根据|依据|围绕|扎实|持续|进一步|高度|始终|积极|切实|不断|继续|紧扣|聚焦|全力|牢固|坚决|主动|大力|贯彻)";

    // A paragraph of section 一 opening with the year: "2021年，…", "2024年以来…", "在2024年，…"; also after its run-in subhead
    // ("（一）主动公开情况。2024年，我局共主动公开…", "（一）总体公开情况说明。2021年，县卫生健康局…", "二是积极做好主动公开。2023年，我局…").
    [GeneratedRegex(@"^(([（(][一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}是)[^。，,；;：:\d]{2,16}。)?(在(?![^。]*基础上))?(?<year>(19|20)\d{2})年度?([，,]|以来)")]
    private static partial Regex OpeningYearRegex();

    // Looser, taken only when no paragraph opens as above: "2024年我镇…", "2019年度街道受理…", or the date of reckoning
    // "截至2024年12月31日…" (a line such as "2020年度我区…位列第一" before "2021年，…" names an earlier year).
    [GeneratedRegex(@"^((?<year>(19|20)\d{2})年(度?(?=我|本)|度(?=[\u4e00-\u9fff]))|(截止|截至)(到)?(?<year>(19|20)\d{2})年12月31日)")]
    private static partial Regex LooseOpeningYearRegex();

    /// <summary>"结合省财政厅2024年政府信息公开工作实际，编制本报告", "结合市市场监督管理局政府信息公开年度工作情况…编制本报告", "根据2023年眉山市司法局信息公开工作实际编制而成".</summary>
    [GeneratedRegex(@"(结合|根据)((19|20)\d{2}年度?)?(?<agency>[\u4e00-\u9fff]{2,30}?" + NameEnding + @")((19|20)\d{2}年度?)?(政府信息公开|政务公开|信息公开)[^。]{0,30}编制")]
    private static partial Regex CompiledFromRegex();

    /// <summary>
    /// "某县民政局根据《中华人民共和国政府信息公开条例》…要求，编制本报告": the name opening the sentence, the report compiled
    /// under the Regulation.
    /// </summary>
    [GeneratedRegex(@"(^|[。；;])(?<agency>[\u4e00-\u9fff（）()]{2,30}?" + NameEnding + @")(根据|依据|按照|依照)[^。]{0,120}?编制(了|完成了|完成)?(本|此)(年度)?报告")]
    private static partial Regex CompiledUnderRegex();

    /// <summary>
    /// "由某局编制", "某局编制本报告"; also "本年度报告由杭州市余杭区发展和改革局根据《条例》…要求编制而成" (the Regulation
    /// cited between the name and 编制; a cited title counts as one word, however long: "由某管理委员会根据《…条例》《…通知》
    /// 《…实施意见》及《…通知》等文件要求编制").
    /// </summary>
    [GeneratedRegex(@"由(?<agency>[\u4e00-\u9fff]{2,30}?" + NameEnding + @")([（(]以下简称[^）)]{1,12}[）)])?[^，,。；;]{0,12}编制|由(?<agency>[\u4e00-\u9fff]{2,30}?" + NameEnding + @")(根据|依据|按照|依照)(《[^《》。]{1,100}》|[^。《]){0,120}?编制|(?<agency>[\u4e00-\u9fff]{2,30}?" + NameEnding + @")编制了?(本|此)报告")]
    private static partial Regex CompiledByRegex();
}
