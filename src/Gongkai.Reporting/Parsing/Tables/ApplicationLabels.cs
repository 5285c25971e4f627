using System.Text.RegularExpressions;
using Gongkai.Domain.Reports;
using Gongkai.Reporting.Parsing.Text;

namespace Gongkai.Reporting.Parsing.Tables;

/// <summary>
/// Recognises the labels of table 三 in the spellings found in the wild: half- or full-width
/// brackets, spaces inside labels, 其它/其他, 其他法律法规禁止公开, 只计这一种情形, Traditional characters.
/// A label is recognised by its core words after its list number (（一）, 1., 三、) is removed.
/// </summary>
public static partial class ApplicationLabels
{
    /// <summary>Text longer than this (with spaces and markup) cannot be a label of the template.</summary>
    public const int MaxLabelLength = 120;

    private const string O = ApplicationKeys.OutcomePrefix;

    // Keywords must survive a label wrapped inside its cell (PDF, narrow Word columns): the fragment that
    // carries the list number identifies the row ("5.要求行政机关确认或重新出" / "具已获取信息").
    private static readonly (string Key, string[] Words)[] Rows =
    [
        (ApplicationKeys.NewReceived, ["本年新收"]),
        // 上年转结, the two characters swapped, is printed too (a 乡's table, two counties' prose).
        (ApplicationKeys.CarriedOver, ["上年结转", "上年转结"]),
        (O + "granted", ["予以公开"]),
        (O + "partial", ["部分公开"]),
        (O + "withheld.state_secret", ["国家秘密"]),
        (O + "withheld.prohibited_by_law", ["禁止公开", "其他法律"]),
        (O + "withheld.three_securities_one_stability", ["三安全"]),
        (O + "withheld.third_party_rights", ["保护第三方", "第三方合法权益"]),
        (O + "withheld.internal_affairs", ["内部事务"]),
        (O + "withheld.process_info", ["过程性"]),
        (O + "withheld.enforcement_file", ["执法案卷"]),
        (O + "withheld.administrative_inquiry", ["行政查询"]),
        (O + "unavailable.not_held", ["不掌握"]),
        (O + "unavailable.needs_creation", ["另行制作", "没有现成"]),
        (O + "unavailable.unclear_after_correction", ["补正后"]),
        (O + "not_processed.petition_complaint", ["信访举报", "举报投诉", "信访投诉"]),
        (O + "not_processed.duplicate", ["重复申请"]),
        (O + "not_processed.publication", ["出版物"]),
        (O + "not_processed.mass_repeated", ["大量反复"]),
        (O + "not_processed.confirm_or_reissue", ["重新出具", "确认或重新"]),
        (ApplicationKeys.OutcomeOtherCorrectionOverdue, ["逾期不补"]),
        (ApplicationKeys.OutcomeOtherFeeUnpaid, ["缴纳费用", "收费通知"]),
        (ApplicationKeys.CarriedForward, ["结转下年"]),
    ];

    private static readonly HashSet<string> HeaderWords =
        ["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "法人或其他组织其他"];

    /// <summary>Signals of the 2021 table 三 (the three sub-rows of （六）其他处理).</summary>
    public static bool Is2021Signal(string text)
    {
        // A sentence (a note under the table: …均为申请人逾期不补正的申请。) is no label.
        if (text.Length > MaxLabelLength || text.Contains('。', StringComparison.Ordinal))
        {
            return false;
        }

        var key = ChineseText.LabelKey(text);
        // Not the 2019 row glossed with the same words (（六）其他处理（申请人逾期不补正等）).
        return (key.Contains("逾期不补正", StringComparison.Ordinal) || key.Contains("缴纳费用", StringComparison.Ordinal)) &&
            !key[PrefixRegex().Match(key).Length..].StartsWith("其他处理", StringComparison.Ordinal);
    }

    /// <summary>
    /// A label of （六）其他处理 (the 2019 row, or the 2021 group above its three sub-rows): with no 2021 sub-row printed,
    /// the sign that table 三 is in the 2019 layout. A table cut off before （六） (a page store's excerpt) has neither.
    /// </summary>
    public static bool IsOtherProcessing(string text)
    {
        if (text.Length > MaxLabelLength || text.Contains('。', StringComparison.Ordinal))
        {
            return false;
        }

        var key = ChineseText.LabelKey(text);
        return key[PrefixRegex().Match(key).Length..].StartsWith("其他处理", StringComparison.Ordinal);
    }

    public static ApplicationLabel? Recognise(string text, ReportEdition edition, string? previousRowKey)
    {
        if (text.Length > MaxLabelLength)
        {
            return null;
        }

        var key = ChineseText.LabelKey(text);

        // The column headers run together into one piece (a page saved as running text).
        if (key.Contains("自然人", StringComparison.Ordinal) && key.Contains("法人或其他组织", StringComparison.Ordinal))
        {
            return key.Contains("总计", StringComparison.Ordinal) ? ApplicationLabel.TotalHeader : ApplicationLabel.Header;
        }

        var prefix = PrefixRegex().Match(key);
        var core = key[prefix.Length..];

        // The longest official label has 37 characters; longer text, and notes (注：…), are not labels.
        if (core.Length == 0 || key.Length > 48 || core.StartsWith('注'))
        {
            return key.Contains("勾稽", StringComparison.Ordinal) ? ApplicationLabel.Header : null;
        }

        if (key.Contains("勾稽", StringComparison.Ordinal) || HeaderWords.Contains(core) || TableCaptionRegex().IsMatch(key))
        {
            return ApplicationLabel.Header;
        }

        if (core is "本年度办理结果" or "办理结果" or "不予公开" or "无法提供" or "不予处理")
        {
            return ApplicationLabel.Group;
        }

        // The 2019 row glossed (其他处理（申请人逾期不补正等）) is still that row.
        if (core == "其他处理" || (edition == ReportEdition.Edition2019 && core.StartsWith("其他处理", StringComparison.Ordinal)))
        {
            return edition == ReportEdition.Edition2019
                ? new ApplicationLabel(ApplicationKeys.OutcomeOther2019, ApplicationLabelKind.Row)
                : ApplicationLabel.Group;
        }

        if (core is "总计" or "合计")
        {
            var inOutcomes = previousRowKey is not null && previousRowKey.StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal);
            return prefix.Value.Contains('七', StringComparison.Ordinal) || inOutcomes
                ? new ApplicationLabel(ApplicationKeys.OutcomeTotal, ApplicationLabelKind.Row)
                : ApplicationLabel.TotalHeader;
        }

        if (core == "其他")
        {
            return previousRowKey is ApplicationKeys.OutcomeOtherFeeUnpaid or ApplicationKeys.OutcomeOtherCorrectionOverdue
                && edition == ReportEdition.Edition2021
                ? new ApplicationLabel(ApplicationKeys.OutcomeOtherOther, ApplicationLabelKind.Row)
                : ApplicationLabel.Header;
        }

        foreach (var (rowKey, words) in Rows)
        {
            if (words.Any(w => core.Contains(w, StringComparison.Ordinal)))
            {
                return new ApplicationLabel(rowKey, ApplicationLabelKind.Row);
            }
        }

        return null;
    }

    /// <summary>The list number of a sub-row label ("5.要求…" → 5), or null.</summary>
    public static int? ListNumber(string text)
    {
        if (text.Length > MaxLabelLength)
        {
            return null;
        }

        var m = ListNumberRegex().Match(ChineseText.LabelKey(text));
        return m.Success ? Gongkai.Reporting.Parsing.Text.Digits.Parse(m.Groups[1].Value) : null;
    }

    /// <summary>The table's own caption ("表三：收到和处理政府信息公开申请情况"), repeated by converters at each page.</summary>
    [GeneratedRegex(@"^表[一二三四五六]([:(]|$|收到|政府|主动)")]
    private static partial Regex TableCaptionRegex();

    [GeneratedRegex(@"^(\d{1,2})[.,]\D")]
    private static partial Regex ListNumberRegex();

    [GeneratedRegex(@"^(\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[,.]|\d{1,2}[.,]|\d{1,2}(?=\D))")]
    private static partial Regex PrefixRegex();
}
