using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing;

/// <summary>
/// An agency's name as a report prints it around its title: cleaned of what stands before or after it in the title or
/// sentence, and a short name (区信访局) completed from the text (鼓楼区信访局). <see cref="ReportMetadata"/> finds where.
/// </summary>
internal static partial class AgencyNames
{
    // Longest first: a crawler's 标题 label, then preamble phrases that end just before the agency's name (also the verb
    // that sums up the year's work: 全面总结某街道办事处2025年政府信息公开工作情况).
    private static readonly string[] LeadingWords = ["标题：", "标题:", "标题", "现编制并公布本单位", "全面总结", "认真总结", "总结", "现编制并公布", "梳理编制", "编制发布", "现编制", "特编制", "编制了", "制定", "现印发", "以下简称", "请与", "结合", "公开", "现向社会公布", "向社会公布", "现予以公开", "现予公布", "现公布", "现公开", "现将", "现发布", "特发布", "发布", "公布", "根据", "按照", "关于", "现就", "现予", "名称：", "名称:", "名称", "年度"];

    // A name then the verb that publishes its report ("…住建局向社会公布2022年度…", "…镇人民政府特此编制2024年度…").
    private static readonly string[] TrailingVerbs = ["特此编制", "特此公布", "特此发布", "特编制", "现编制", "编制了", "现向社会公布", "向社会公布", "向社会公开", "现公布", "公布", "发布", "编制", "的"];

    private static readonly char[] ClauseBreaks = ['，', ',', '。', '；', ';', '：', ':', '》', '《'];

    /// <summary>How a short name the text may complete starts (区信访局 → 鼓楼区信访局).</summary>
    public static readonly string[] GenericStarts = ["区", "县", "市", "省", "自治区", "自治州", "镇", "乡", "街道", "旗"];

    /// <summary>
    /// The agency's name out of what a title or sentence printed before the year: without a page viewer's prefix, a
    /// breadcrumb, the sentence before its last clause break, the verbs that publish it, a cover letter's sender; null when
    /// what is left is no name (too short or long, 我局).
    /// </summary>
    public static string? Clean(string raw)
    {
        var agency = PageViewerPrefixRegex().Replace(raw.Trim(), string.Empty);

        // A crawler's breadcrumb run into the title (当前位置：首页政务公开…年报平潭综合实验区).
        if (BreadcrumbRegex().Match(agency) is { Success: true } crumb)
        {
            agency = agency[crumb.Length..];
        }

        // The title's name at the end of a sentence ("根据《条例》规定，现公布区统计局2023年…"): what follows the last clause break.
        var clause = agency.LastIndexOfAny(ClauseBreaks);
        if (clause >= 0 && clause < agency.Length - 1)
        {
            agency = agency[(clause + 1)..];
        }

        // Also a list's bullet before a title ("• 二道河镇人民政府2021年…" above the title itself).
        agency = agency.Trim('《', '》', '“', '”', '"', '#', '*', ' ', '_', '-', '—', '|', '｜', '•', '●', '■', '◆', '▪');
        // The short name the sentence defines for it (某旗民族事务委员会(以下简称旗民委)2024年…) is no part of the name.
        agency = DefinedShortNameRegex().Replace(agency, string.Empty);
        foreach (var verb in TrailingVerbs)
        {
            if (agency.EndsWith(verb, StringComparison.Ordinal) && agency.Length > verb.Length + 1)
            {
                agency = agency[..^verb.Length];
                break;
            }
        }

        // The report's word for itself before the verb that compiles it (我乡编制了某乡人民政府2020年…): neither is the name.
        agency = SelfThenVerbRegex().Replace(agency, string.Empty);
        // The sentence's verb that publishes the report, however it is worded (特向社会公布, 现向社会公开, 特此公布, 兹公布).
        agency = PublishingLeadRegex().Replace(agency, string.Empty);
        foreach (var word in LeadingWords)
        {
            if (agency.StartsWith(word, StringComparison.Ordinal))
            {
                agency = agency[word.Length..];
            }
        }

        // 编制城厢区卫生健康局2024年度… (the preamble's verb without 现); a bare year before the name (2025湖口县大垅乡2025年度…);
        // a table's cell border left after a metadata label (标 题 | 宿城街道办事处…).
        // Also before the report's word for itself (编制我局2021年度…): what is left is no name.
        if (agency.StartsWith("编制", StringComparison.Ordinal) && (agency.Length >= 6 || SelfReferenceRegex().IsMatch(agency[2..])))
        {
            agency = agency[2..];
        }

        agency = LeadingYearRegex().Replace(agency, string.Empty).Trim('|', '｜', ' ');

        agency = WithoutCoverLetter(agency);
        // "现将我办…", "本局…": the report speaking of itself names no agency; nor does a notice's 做好2023年…年度报告编制发布工作.
        return agency.Length is >= 2 and <= 40 && !SelfReferenceRegex().IsMatch(agency) ? agency : null;
    }

    private static readonly string[] SendingVerbs = ["报送", "印发", "上报", "呈报", "转发", "提交", "公布", "发布"];

    /// <summary>
    /// A report published as a cover letter or a notice names the sender before 关于: "苏平片区管理局关于报送2020年度…报告的函"
    /// is the sender's own report; "县政府办公室关于印发某县2020年…报告的通知" is the report of the agency named after the verb.
    /// </summary>
    private static string WithoutCoverLetter(string agency)
    {
        var about = agency.IndexOf("关于", StringComparison.Ordinal);
        if (about <= 0)
        {
            return agency;
        }

        var after = agency[(about + 2)..];
        var verb = SendingVerbs.FirstOrDefault(v => after.StartsWith(v, StringComparison.Ordinal));
        if (verb is not null)
        {
            after = after[verb.Length..];
        }

        after = after.Trim('《', '》', '“', '”', '"', ' ');
        // Nothing after 关于 (and its verb) but the year: the sender's report. A named agency after a verb: its report.
        // Anything else (关于 inside a name: 某市关于推进…领导小组办公室) is left as printed.
        return after.Length == 0 ? agency[..about] : verb is not null && after.Length >= 2 ? after : agency;
    }

    /// <summary>The longest name in the text that ends with the title's truncated agency.</summary>
    public static string Complete(string agency, IReadOnlyList<SourceLine> lines)
    {
        var counts = new Dictionary<string, int>();
        foreach (var line in lines.Take(200))
        {
            var text = ChineseText.Compact(line.Text);
            var at = text.IndexOf(agency, StringComparison.Ordinal);
            while (at > 0)
            {
                var start = at;
                while (start > 0 && at - start < 8 && char.GetUnicodeCategory(text[start - 1]) == UnicodeCategory.OtherLetter)
                {
                    start--;
                }

                // Not the 年 of a date before the name ("2019年孝感市政府研究室…" completes 市政府研究室 with 孝感).
                var extension = text[start..at].TrimStart('年', '度');
                while (extension.Length > 0 && LeadingWords.Any(w => extension.StartsWith(w, StringComparison.Ordinal)))
                {
                    extension = extension[LeadingWords.First(w => extension.StartsWith(w, StringComparison.Ordinal)).Length..];
                }

                if (extension.Length is >= 2 and <= 6 && !FunctionWordRegex().IsMatch(extension) && !ReportWordRegex().IsMatch(extension) && !VerbPhraseRegex().IsMatch(extension))
                {
                    counts[extension] = counts.GetValueOrDefault(extension) + 1;
                }

                at = text.IndexOf(agency, at + agency.Length, StringComparison.Ordinal);
            }
        }

        var best = counts.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key.Length).Select(kv => kv.Key).FirstOrDefault();
        return best is null ? agency : best + agency;
    }

    /// <summary>A title's name that is only the ending of one (办事处, 人民政府): the rest is on the line before.</summary>
    [GeneratedRegex(@"^(街道办事处|办事处|人民政府|政府|管理委员会|委员会|管委会)$")]
    public static partial Regex BareEndingRegex();

    /// <summary>A page viewer's prefix before a title ("Page 2 - 省交通运输厅2019年度…").</summary>
    [GeneratedRegex(@"^\s*(Page|PAGE|P\.)\s*\d+\s*[-–—:：]\s*")]
    private static partial Regex PageViewerPrefixRegex();

    /// <summary>What stands before a short name in a sentence, not a place's name: 设立了市发改委…, 成立…, 通过…, 利用市民委(宗教局)门户网站…</summary>
    [GeneratedRegex(@"了|^(设立|成立|组建|公开|结合|根据|按照|依据|作为|通过|利用|依托|对|向|在|将|把|被|为|由|是|有)")]
    private static partial Regex VerbPhraseRegex();

    /// <summary>The report's word for its author: 我局, 本办, 我镇….</summary>
    private const string SelfWord = "(我|本)(局|办|委|厅|院|署|部|所|站|队|中心|单位|机关|镇|乡|街道|县|区|市|府|公司)";

    [GeneratedRegex("^" + SelfWord + @"(?=(现|特|梳理)?编制|现将|现向社会|向社会|现公布|现发布|特发布)")]
    private static partial Regex SelfThenVerbRegex();

    /// <summary>
    /// "特向社会公布某局2020年度…", "现向社会公开某乡2021年…": 特, 现 or 兹 and/or 向社会, then the verb (予以 or 予 before it).
    /// The names that follow are read as printed.
    /// </summary>
    [GeneratedRegex(@"^((特此|特|现|兹)(向社会各界|向全社会|向社会|向公众)?|向社会各界|向全社会|向公众)(予以|予)?(公开|公布|发布|印发)")]
    private static partial Regex PublishingLeadRegex();

    [GeneratedRegex("^" + SelfWord + @"$|^(认真)?做好")]
    private static partial Regex SelfReferenceRegex();

    /// <summary>Words of the report's own text, not of a place's name: "（三）政府信息管理区政府国资局…" run together is no "政府信息管理区".</summary>
    [GeneratedRegex(@"信息|公开|管理|工作|情况|报告|申请|政务|机构|单位|来源|发布|标题|名称")]
    private static partial Regex ReportWordRegex();

    [GeneratedRegex(@"^(我|本|全|对|在|由|经|将|为|各|该|其|此|与|和|及)")]
    private static partial Regex FunctionWordRegex();

    [GeneratedRegex(@"^(当前位置|您的位置|你的位置|您现在的位置)[:：]?.*(年报|首页)")]
    private static partial Regex BreadcrumbRegex();

    [GeneratedRegex(@"^(19|20)\d{2}(年度?)?\s*(?=[\u4e00-\u9fff]{2})")]
    private static partial Regex LeadingYearRegex();

    [GeneratedRegex(@"[（(]以下简称[^（）()]{1,15}[）)]$")]
    private static partial Regex DefinedShortNameRegex();
}
