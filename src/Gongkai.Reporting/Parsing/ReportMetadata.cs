using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// Finds the agency and report year: from the title ("青 铜 峡 市" / "2021 年政府信息公开工作年度报告",
/// or one line), else from the opening paragraph ("现将自治区信访局2019年政务信息公开工作报告如下").
/// A title that names only the tail of the agency ("区信访局") is completed from the text ("鼓楼区信访局").
/// </summary>
internal static partial class ReportMetadata
{
    /// <param name="closing">The last section, cut where the page around the report begins: its signature names the
    /// agency of a page that names it nowhere else.</param>
    public static (string? Agency, int? Year) Find(IReadOnlyList<SourceLine> preamble, IReadOnlyList<SourceLine> all, IReadOnlyList<SourceLine>? closing = null)
    {
        closing ??= [];
        // Line 0 is a title the file carries outside its text (an HTML page's <title>, a PDF's metadata): the text's own
        // title and opening paragraph come first; it gives only what they leave unnamed.
        var outside = preamble.Where(l => l.Line == 0).ToList();
        if (outside.Count > 0)
        {
            var (inText, yearInText) = FindIn(preamble.Where(l => l.Line != 0).ToList(), all, closing);
            if (inText is not null && yearInText is not null)
            {
                return (inText, yearInText);
            }

            var (named, namedYear) = FindIn(outside, all, closing);
            return (inText ?? named, yearInText ?? namedYear);
        }

        return FindIn(preamble, all, closing);
    }

    private static (string? Agency, int? Year) FindIn(IReadOnlyList<SourceLine> preamble, IReadOnlyList<SourceLine> all, IReadOnlyList<SourceLine> closing)
    {
        string? agency = null;
        int? year = null;
        var compacted = preamble.Select(l => ChineseText.Compact(WithoutBreadcrumb(l.Text)).TrimStart('#')).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < compacted.Count && year is null; i++)
        {
            // A long title wraps: try the line alone, then joined with the next.
            var candidate = compacted[i];
            var m = Title(candidate);
            if (!m.Success && i + 1 < compacted.Count && candidate.Length + compacted[i + 1].Length <= 60 &&
                !candidate.Contains('：') && !candidate.Contains(':') && !Title(compacted[i + 1]).Success)
            {
                m = Title(candidate + compacted[i + 1]);
            }

            // The title is short; on a page saved as one line it opens the line ("罗家乡2020年信息公开年报 发布时间：…"), with
            // no sentence before it.
            if (!m.Success || m.Length > 60 || (candidate.Length > 60 && SentencePunctuationRegex().IsMatch(m.Groups["agency"].Value)))
            {
                continue;
            }

            year = Gongkai.Reporting.Parsing.Text.Digits.Parse(m.Groups["year"].Value);
            agency = AgencyNames.Clean(m.Groups["agency"].Value);
            if (agency is null && i > 0 && compacted[i - 1].Length <= 30 && !compacted[i - 1].Contains('：'))
            {
                agency = AgencyNames.Clean(compacted[i - 1]);
            }
            else if (agency is not null && i > 0 && AgencyNames.BareEndingRegex().IsMatch(agency) && compacted[i - 1].Length + agency.Length <= 40 &&
                     AgencyNameRegex().IsMatch(compacted[i - 1] + agency))
            {
                // A long title wrapped inside the name: "重庆市沙坪坝区人民政府小龙坎街道" / "办事处2023年…年度报告" — the line
                // before ends the name the title line only finishes.
                agency = AgencyNames.Clean(compacted[i - 1] + agency);
            }
        }

        if (year is null || agency is null)
        {
            // The sentence introducing the report, before the first heading; else at the head of section 一 (a page whose
            // preamble was set under 一、总体情况: "向社会公布2022年渠县医疗保障局政府信息公开工作年度报告").
            // A set, not a scan of the preamble per line: a file of tens of thousands of lines before its first heading took
            // minutes (each line compared, text and all, with every preamble line).
            var inPreambleSet = preamble.ToHashSet();
            var opening = all.SkipWhile(l => l.Line == 0 || inPreambleSet.Contains(l)).Take(15)
                .Select(l => ChineseText.Compact(l.Text)).Where(l => l.Length > 0);
            foreach (var (line, inPreamble) in compacted.Select(l => (l, true)).Concat(opening.Select(l => (l, false))))
            {
                // In section 一 only a sentence that publishes the report ("…，向社会公布2022年某局…年度报告"): a sentence of
                // the narrative that names it ("依法按时完成某街道2024年…年度报告") is not the report introducing itself.
                if (SentenceName(line, publishing: !inPreamble) is not { } sentence)
                {
                    continue;
                }

                // The title of an earlier report the text cites (公开发布《某署2021年…年度报告》 in a report on 2022): not this one's.
                if (sentence.Quoted && OwnYear(all) is { } own && own > sentence.Year)
                {
                    year ??= own;
                    continue;
                }

                year ??= sentence.Year;
                agency ??= (inPreamble ? NameLine(compacted) ?? NameBeforePreamble(preamble) : null) ?? sentence.Agency;
                if (agency is not null)
                {
                    break;
                }
            }
        }

        if (year is null)
        {
            // No title: the year the opening states (the statistics period, the sentence naming the report or reporting
            // the year's work, also inside section 一); else a statistics period set later (a note at the end).
            year = ReportYearStatements.Find(string.Concat(all.Take(60).Select(l => ChineseText.Fold(l.Text))));
            year ??= ReportYearStatements.StatisticsPeriod(string.Concat(all.Skip(60).Select(l => ChineseText.Fold(l.Text))));
        }

        if (agency is null || year is null)
        {
            // No title: the report's opening sentence names its subject ("2019年，广州市番禺区人民政府办公室认真贯彻…",
            // "由南宁经济技术开发区管理委员会（以下简称经开区管委会）编制").
            string? compiledBy = null;
            Match? opening = null;
            int? openingYear = null;
            int? looseYear = null;
            foreach (var line in all.Take(40))
            {
                var text = ChineseText.Compact(line.Text);
                // Not 全区, 我区, 区委区政府…: the subject is the agency's own name.
                opening ??= OpeningSubjectRegex().Match(text) is { Success: true } o && !NotANameRegex().IsMatch(o.Groups["agency"].Value) &&
                    !o.Groups["agency"].Value.Contains('党', StringComparison.Ordinal) && !o.Groups["agency"].Value.Contains("委区", StringComparison.Ordinal) &&
                    (!o.Groups["action"].Success || ActionSubjectNamedAgain(o.Groups["agency"].Value, all)) && !AnotherBodysAct(o, text) ? o : null;
                compiledBy ??= CompiledByRegex().Match(text) is { Success: true } compiled ? compiled.Groups["agency"].Value
                    : CompiledFromRegex().Match(text) is { Success: true } from && !GovernmentWorkOfDepartment(from.Groups["agency"].Value, all) ? from.Groups["agency"].Value
                    : CompiledUnderRegex().Match(text) is { Success: true } under && !NotANameRegex().IsMatch(under.Groups["agency"].Value) ? under.Groups["agency"].Value : null;
                openingYear ??= OpeningYearRegex().Match(text) is { Success: true } y ? Gongkai.Reporting.Parsing.Text.Digits.Parse(y.Groups["year"].Value) : null;
                looseYear ??= LooseOpeningYearRegex().Match(text) is { Success: true } loose ? Gongkai.Reporting.Parsing.Text.Digits.Parse(loose.Groups["year"].Value) : null;
            }

            // The office that compiled the report is the agency when the report names no subject of its own, or only its
            // short form (本年度报告由天津市城市管理委员会编制 … 2024年，市城市管理委坚持…).
            // Also when the compiler's name holds the subject's (由袁州区水江镇人民政府办公室编制 … 2020年，水江镇…): the fuller
            // name, without the office that compiled it.
            var subject = opening?.Groups["agency"].Value;
            if (compiledBy is not null && subject is not null && compiledBy.Length > subject.Length && compiledBy.Contains(subject, StringComparison.Ordinal))
            {
                compiledBy = WithoutAnsweringOffice(compiledBy);
                subject = null;
            }

            var named = subject is not null && (compiledBy is null || !AgencyNames.GenericStarts.Any(g => subject.StartsWith(g, StringComparison.Ordinal))) ? subject : compiledBy;

            // The name the report is signed with at its end: when nothing above names the agency, or names it only in a
            // short form the signature holds (区发改局 … 某某区发改局), or with the office that compiled it (由某县人民政府办公室
            // 编制 … signed 某县人民政府).
            if (agency is null && ReportSignature.Find(closing) is { } signature &&
                (named is null || signature.Contains(named, StringComparison.Ordinal) || (named.StartsWith(signature, StringComparison.Ordinal) && named == compiledBy)))
            {
                named = signature;
            }

            agency ??= named;
            year ??= opening is not null ? Gongkai.Reporting.Parsing.Text.Digits.Parse(opening.Groups["year"].Value) : null;

            // Nothing else names the year: section 一 opens with it ("2021年，开发区管委会政务信息工作紧紧围绕…", "2019年我局…"),
            // else a later sentence of its first paragraph does ("…在阳光下运行。2019年，文登区住建局共主动公开…").
            year ??= openingYear ?? looseYear ?? SectionOneYear(preamble, all);

            // Nothing else names the agency: the contact sentence of the opening does ("如对本报告有疑问，请与泰宁县卫生健康局
            // 办公室联系"), the office that answers being the agency's own.
            agency ??= ContactName(all.Take(40));

            // Or a title that names no year (驼峰路街道办事处政府信息公开工作年度报告), as a line of its own.
            agency ??= compacted.Take(8).Select(l => YearlessTitleRegex().Match(l)).Where(t => t.Success).Select(t => AgencyNames.Clean(t.Groups["agency"].Value)).FirstOrDefault(a => a is not null);

            // Or section 一 opening with it, the year after it or nowhere (文登区住建局高度重视…, （一）…。三亚市坚持以…).
            agency ??= SectionOneSubject(preamble, all);
        }

        if (agency is not null && AgencyNames.GenericStarts.Any(s => agency.StartsWith(s, StringComparison.Ordinal)))
        {
            agency = AgencyNames.Complete(agency, all);
        }

        return (agency, year is >= 1990 and <= 2100 ? year : null);
    }

    /// <summary>
    /// The title, in either order: "青铜峡市2021年政府信息公开工作年度报告" or "2019年上海市人民政府办公厅政府信息公开
    /// 工作年度报告"; a township's "罗家乡2020年信息公开年报" too.
    /// </summary>
    private static Match Title(string line)
    {
        var m = TitleRegex().Match(line);
        if (m.Success && Cited(line, m))
        {
            // The year and 年度报告 of a notice the report cites (根据《…关于做好2020年度政府信息公开工作年度报告编制…的通知》),
            // not its own title: look after the citation.
            var close = line.IndexOf('》', m.Groups["agency"].Index);
            return close < 0 ? Match.Empty : Title(line[(close + 1)..]);
        }

        if (!m.Success)
        {
            m = YearFirstTitleRegex().Match(line);
        }

        return m.Success ? m : YearLateTitleRegex().Match(line);
    }

    /// <summary>
    /// A sentence naming the report: "现公布区统计局2023年政府信息公开工作年度报告", or the year before the name ("现向社会公布
    /// 2021年度大冶市市场监督管理局信息公开工作年度报告"); the agency null when the sentence names none (我局).
    /// </summary>
    private static (string? Agency, int Year, bool Quoted)? SentenceName(string line, bool publishing = false)
    {
        if (Outside(SentenceRegex().Matches(line), line) is { } m)
        {
            var raw = m.Groups["agency"].Value;
            var name = AgencyNames.Clean(raw);
            // In section 一: a sentence that publishes the report, or one that opens with the report's own title
            // ("铁锁乡2021年度政府信息公开工作年度报告根据…编制而成").
            // Also the verb between the name and the year (东湖街道特编制2023年…), or before the title's 《 (现编制《北杜街道办事处2023年…》).
            if (publishing && (name is null || !(m.Index == 0 && raw == name || PublishingVerbRegex().IsMatch(raw[..Math.Max(0, raw.Length - name.Length)]) ||
                (raw.StartsWith(name, StringComparison.Ordinal) && PublishingVerbRegex().IsMatch(raw)) ||
                (raw == name && PublishingVerbRegex().IsMatch(line[..m.Index].TrimEnd('《', '“', ' '))))))
            {
                return null;
            }

            return (name, Gongkai.Reporting.Parsing.Text.Digits.Parse(m.Groups["year"].Value), CitedTitle(line, m.Index));
        }

        if (Outside(YearFirstSentenceRegex().Matches(line), line) is { } yearFirst && AgencyNames.Clean(yearFirst.Groups["agency"].Value) is { } named && !NotANameRegex().IsMatch(named) &&
            (!publishing || PublishingVerbRegex().IsMatch(line[..yearFirst.Index])))
        {
            return (named, Gongkai.Reporting.Parsing.Text.Digits.Parse(yearFirst.Groups["year"].Value), CitedTitle(line, yearFirst.Index));
        }

        return null;
    }

    [GeneratedRegex(@"(公布|发布|现将|公开|编制|印发)$")]
    private static partial Regex PublishingVerbRegex();

    /// <summary>The first match that is not inside a cited document's title (《…关于做好2020年度政府信息公开工作年度报告…的通知》).</summary>
    private static Match? Outside(MatchCollection matches, string line) =>
        matches.FirstOrDefault(m => !Cited(line, m));

    /// <summary>
    /// Whether the match is a notice the report cites (《…关于做好2020年度政府信息公开工作年度报告编制和发布工作的通知》): inside
    /// 《》 with more of the quoted title after 报告. The report's own title in 《》 (现发布《某镇2022年政府信息公开工作年度报告》)
    /// is not.
    /// </summary>
    private static bool Cited(string line, Match m)
    {
        if (!Unclosed(line[..m.Groups["year"].Index]))
        {
            return false;
        }

        var close = line.IndexOf('》', m.Index + m.Length);
        return close < 0 || close > m.Index + m.Length;
    }

    private static bool Unclosed(string text) => text.Count(c => c == '《') > text.Count(c => c == '》');

    /// <summary>
    /// The same name at the start of a page saved as one line, set off by a space from the preamble that follows it
    /// ("浑南区国资局 根据《中华人民共和国政府信息公开条例》…").
    /// </summary>
    private static string? NameBeforePreamble(IReadOnlyList<SourceLine> preamble)
    {
        var first = preamble.Select(l => l.Text.Trim()).FirstOrDefault(t => t.Length > 0);
        var space = first?.IndexOfAny([' ', '\u3000', '\t']) ?? -1;
        if (space < 3)
        {
            return null;
        }

        var name = ChineseText.Compact(first![..space]);
        var rest = first[space..].TrimStart();
        return name.Length <= 20 && AgencyNameRegex().IsMatch(name) && PreambleStartRegex().IsMatch(rest) ? name : null;
    }

    /// <summary>
    /// A line of its own that is only the agency's name ("浑南区国资局" above the preamble): named by the page
    /// itself, it is better than the short form the preamble uses ("现公布区政府国资局2022年…").
    /// </summary>
    private static string? NameLine(List<string> compacted) =>
        compacted.Take(3).FirstOrDefault(l => l.Length is >= 3 and <= 20 && AgencyNameRegex().IsMatch(l));

    /// <summary>
    /// A crawler's breadcrumb set off from the title by a space ("当前位置： 首页政务公开最新文件部门文件 平潭综合实验区…"):
    /// the path ends at that space, whatever its column names are; compacted, path and agency would run together.
    /// A path that itself holds the title is left to <see cref="AgencyNames.Clean"/>.
    /// </summary>
    private static string WithoutBreadcrumb(string text)
    {
        var crumb = LeadingBreadcrumbRegex().Match(text);
        return crumb.Success && !Title(ChineseText.Compact(crumb.Groups["path"].Value)).Success ? text[crumb.Length..] : text;
    }

    [GeneratedRegex(@"^(?<agency>.*?)(?<year>(19|20)\d{2})(年度?|(?=政府|政务))(政府|政务)?信息(与政务)?公开(重点)?(工作)?(开展)?的?(年度)?(工作)?(报告|年报)")]
    private static partial Regex TitleRegex();

    [GeneratedRegex(@"^(?<year>(19|20)\d{2})年度?(?<agency>[^，,。；;《》“”()（）:：\d]{2,30}?)(?<!人民)(政府|政务)?信息(与政务)?公开(工作)?(开展)?(年度)?(工作)?(报告|年报)$")]
    private static partial Regex YearFirstTitleRegex();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}+(局|委|委员会|办|办公室|办公厅|厅|政府|人民政府|院|中心|镇|乡|街道|街道办事处|管委会|管理委员会|署|部|所|站|队)$")]
    private static partial Regex AgencyNameRegex();

    /// <summary>"锡林郭勒盟市场监督管理局政府信息公开工作2021年度报告": the year late in the title.</summary>
    [GeneratedRegex(@"^(?<agency>[^，,。；;《》“”:：\d]{2,40}?)(政府|政务)信息公开(工作)?(?<year>(19|20)\d{2})年度?(工作)?(报告|年报)$")]
    private static partial Regex YearLateTitleRegex();

    /// <summary>
    /// "特向社会公布2020年桂洋镇人民政府信息公开工作年度报告": the name does not stop at 人民 (its 政府 read as the 政府 of
    /// 政府信息公开), as in <see cref="YearFirstTitleRegex"/>.
    /// </summary>
    [GeneratedRegex(@"(?<year>(19|20)\d{2})年度?(?<agency>[^，,。；;《》“”:：\d]{2,30}?)(?<!人民)(政府|政务)?信息公开(工作)?(年度)?(工作)?(报告|年报)")]
    private static partial Regex YearFirstSentenceRegex();

    /// <summary>What a year-first sentence may hold where a name would be: 本级政府, 我局, 全区, 政府, a bare 开发区…</summary>
    [GeneratedRegex(@"^(政府|政务|本|我|全|各|该|度|工作)|^(街道办事处|街道办|办事处|街道|人民政府|管委会|管理委员会|开发区|经开区|高新区|新区|园区|示范区|试验区)$")]
    private static partial Regex NotANameRegex();

    /// <summary>
    /// "请与某局办公室联系", "可直接与某县人民政府联系", "可与某镇人民政府综合信息指挥室（党政综合办公室）联系": the longest name
    /// before the office that answers (the office itself, or a 办公室 the name ends with, left out by <see cref="ContactName"/>).
    /// Also "请联系某乡人民政府党政办公室，联系电话…": the name after 请联系, then a clause break or 联系电话. A 自贸区's name opens
    /// with its province in brackets (请联系:中国(福建)自由贸易试验区福州片区管理委员会(…)政府信息公开办公室). A town's
    /// government without 人民 (请联系帽儿山镇政府，地址:…; 请联系五常市背荫河镇政府。; 请与宾县三宝乡政府联系) is read as printed;
    /// after 与 only right before 联系 (with an office after it, the name and office are read as before), and not 乡镇 or a
    /// town the reader is sent to (请与当地乡镇政府联系, 所在镇政府, 各乡镇政府).
    /// </summary>
    [GeneratedRegex(@"(请|可直接|可|欢迎)与(?<agency>" + ProvinceInBrackets + @"[\u4e00-\u9fff]{2,30}" + NameEnding + TownGovernmentBeforeLianxi + @")([\u4e00-\u9fff]{0,10}(室|科|股))?([（(][^）)]{1,15}[）)])?(联系|联络)|请联系[：:]?(?<agency>" + ProvinceInBrackets + @"[\u4e00-\u9fff]{2,30}" + NameEnding + @"((?<=[镇乡])政府)?)([\u4e00-\u9fff]{0,10}(室|科|股))?(?=[，,。；;（(]|联系电话|电话)")]
    private static partial Regex ContactRegex();

    /// <summary>A town's or township's 政府 without 人民, right before 联系 (宾县三宝乡政府联系): not 乡镇, 当地镇, 所在乡, 各乡.</summary>
    private const string TownGovernmentBeforeLianxi = @"((?<=[镇乡])(?<!乡镇|镇乡|当地[镇乡]|所在[镇乡]|属地[镇乡]|辖区[镇乡]|各[镇乡])政府(?=联系|联络))?";

    /// <summary>中国(福建), the head of a 自由贸易试验区's name.</summary>
    private const string ProvinceInBrackets = @"(中国[（(][\u4e00-\u9fff]{2,3}[）)])?";

    private static readonly string[] AnsweringOffices = ["党政综合办公室", "党政办公室", "政务公开办公室", "信息公开办公室", "综合办公室", "办公室", "党政办"];

    private static string? ContactName(IEnumerable<SourceLine> lines)
    {
        var name = lines.Select(l => ContactRegex().Match(ChineseText.Compact(l.Text))).FirstOrDefault(c => c.Success)?.Groups["agency"].Value;
        if (name is null)
        {
            return null;
        }

        return WithoutAnsweringOffice(name);
    }

    /// <summary>
    /// A name without the office of it that answers or compiles (某局办公室 → 某局), when what is left is a name; also an
    /// office named by its own words before 办公室 (衢州市衢江区湖南镇政府综合督考办公室 → 衢州市衢江区湖南镇政府).
    /// </summary>
    private static string WithoutAnsweringOffice(string name)
    {
        foreach (var office in AnsweringOffices)
        {
            if (name.EndsWith(office, StringComparison.Ordinal) && name.Length - office.Length >= 4 && NameEndingRegex().IsMatch(name[..^office.Length]))
            {
                return name[..^office.Length];
            }
        }

        return NamedOfficeRegex().Match(name) is { Success: true } named ? named.Groups["name"].Value : name;
    }

    /// <summary>A name, then an office of it named in two to eight words of its own and 办公室 (综合督考办公室, 党政综合服务办公室).</summary>
    [GeneratedRegex(@"^(?<name>[\u4e00-\u9fff]{2,}(人民政府|政府|管理委员会|委员会|管委会|街道办事处|办事处|局|委|厅|署|中心|镇|乡|街道))[\u4e00-\u9fff]{2,8}办公室$")]
    private static partial Regex NamedOfficeRegex();

    [GeneratedRegex(NameEnding + "$")]
    private static partial Regex NameEndingRegex();

    [GeneratedRegex(@"^(?<agency>[\u4e00-\u9fff（）()]{2,30}?" + NameEnding + @")(政府|政务)信息公开(工作)?(年度)?(报告|年报)$")]
    private static partial Regex YearlessTitleRegex();

    /// <summary>How a name ends; a 供销合作社 publishes reports too (临沂市供销合作社联合社, 陈仓区供销联社).</summary>
    private const string NameEnding = "(人民政府办公室|人民政府办公厅|人民政府|管理委员会|委员会|管委会|街道办事处|办事处|办公室|办公厅|研究室|联合社|联社|合作社(?!联)|局|委|办|厅|署|院|中心|镇|乡|街道|街|公司|苏木)";

    [GeneratedRegex(@"[，,。；;《》]")]
    private static partial Regex SentencePunctuationRegex();

    /// <summary>
    /// "现公布区统计局2023年政府信息公开工作年度报告"; the name may close with a bracket, its second name or the short name the
    /// sentence defines (现发布《某市民族事务委员会(宗教事务局)2024年…》, 现公布某旗民族事务委员会(以下简称旗民委)2024年…).
    /// </summary>
    [GeneratedRegex(@"(?<agency>[^，,。；;《》“”()（）:：\d]{2,30}?([（(][\u4e00-\u9fff]{1,15}[）)])?)(?<year>(19|20)\d{2})年度?(政府|政务)信息(公开)?(工作)?(年度)?(工作)?(报告|情况)")]
    private static partial Regex SentenceRegex();

    [GeneratedRegex(@"^(根据|按照|依据|为|现将|现公布|本报告)")]
    private static partial Regex PreambleStartRegex();

    [GeneratedRegex(@"^\s*(当前位置|您的位置|你的位置|您现在的位置)\s*[:：]\s*(?<path>\S+(\s*[>＞›»/]\s*\S+)*)\s+")]
    private static partial Regex LeadingBreadcrumbRegex();
}
