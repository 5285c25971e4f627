using System.Collections.Frozen;

namespace Gongkai.Domain.Reports;

/// <summary>
/// The fixed national layout of one edition: every label character for character and every cell key
/// (ogi-rules §4 for 国办公开办函〔2021〕30号, §5 for 国办公开办函〔2019〕60号).
/// </summary>
public sealed class ReportSchema
{
    /// <summary>Top-left header cell of table 三 (exact, full-width brackets).</summary>
    public const string ApplicationsCornerNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// <summary>The group header above the applicant columns.</summary>
    public const string ApplicantsHeader = "申请人情况";

    /// <summary>The header above the five organisation columns.</summary>
    public const string OrganisationsHeader = "法人或其他组织";

    public const string ReconsiderationHeader = "行政复议";
    public const string LitigationHeader = "行政诉讼";

    private ReportSchema(
        ReportEdition edition,
        IReadOnlyList<ReportSection> sections,
        IReadOnlyList<ProactiveBlock> proactive,
        IReadOnlyList<ApplicationRow> applicationRows)
    {
        Edition = edition;
        Sections = sections;
        ProactiveBlocks = proactive;
        ApplicationRows = applicationRows;
        ApplicationDataRows = applicationRows.SelectMany(r => r.DataRows()).ToArray();
        ProactiveKeys = proactive.SelectMany(b => b.Cells()).Select(c => c.Key).ToArray();
        OutcomeRowKeys = ApplicationDataRows
            .Select(r => r.Key!)
            .Where(k => k.StartsWith(ApplicationKeys.OutcomePrefix, StringComparison.Ordinal) && k != ApplicationKeys.OutcomeTotal)
            .ToArray();
        _proactiveKeys = ProactiveKeys.ToFrozenSet(StringComparer.Ordinal);
        _applicationRowKeys = ApplicationDataRows.Select(r => r.Key!).ToFrozenSet(StringComparer.Ordinal);
    }

    // Every cell read or written asks whether its key is the layout's: a set, not a scan of the rows.
    private readonly FrozenSet<string> _proactiveKeys;

    private readonly FrozenSet<string> _applicationRowKeys;

    public ReportEdition Edition { get; }

    /// <summary>The six section headings 一 … 六.</summary>
    public IReadOnlyList<ReportSection> Sections { get; }

    /// <summary>Table 二, block by block.</summary>
    public IReadOnlyList<ProactiveBlock> ProactiveBlocks { get; }

    /// <summary>Every table 二 cell key in printed order.</summary>
    public IReadOnlyList<string> ProactiveKeys { get; }

    /// <summary>Table 三 as printed: top-level rows, groups with their children.</summary>
    public IReadOnlyList<ApplicationRow> ApplicationRows { get; }

    /// <summary>Table 三 rows that carry cells, in printed order.</summary>
    public IReadOnlyList<ApplicationRow> ApplicationDataRows { get; }

    /// <summary>The outcome rows that add up to （七）总计 (C-02), without the total itself.</summary>
    public IReadOnlyList<string> OutcomeRowKeys { get; }

    /// <summary>Table 四: the same 15 cells in both editions.</summary>
    public IReadOnlyList<ReviewColumn> ReviewColumns => Review;

    public static ReportSchema Edition2019 { get; } = Build2019();

    public static ReportSchema Edition2021 { get; } = Build2021();

    public static ReportSchema For(ReportEdition edition) => edition switch
    {
        ReportEdition.Edition2019 => Edition2019,
        ReportEdition.Edition2021 => Edition2021,
    };

    public bool IsProactiveKey(string key) => key is not null && _proactiveKeys.Contains(key);

    public bool IsApplicationRowKey(string key) => key is not null && _applicationRowKeys.Contains(key);

    public ProactiveColumn? ProactiveColumnOf(string key)
    {
        foreach (var block in ProactiveBlocks)
        {
            foreach (var (_, column, cellKey) in block.Cells())
            {
                if (cellKey == key)
                {
                    return column;
                }
            }
        }

        return null;
    }

    private static readonly ReviewColumn[] Review = BuildReview();

    private static ReviewColumn[] BuildReview()
    {
        string[] suffixes = ["upheld", "corrected", "other", "pending", "total"];
        string[] labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var groups = new (ReviewGroup Group, string Prefix)[]
        {
            (ReviewGroup.Reconsideration, "review."),
            (ReviewGroup.DirectLitigation, "litigation.direct."),
            (ReviewGroup.LitigationAfterReconsideration, "litigation.after_review."),
        };
        return groups
            .SelectMany(g => suffixes.Select((s, i) => new ReviewColumn(g.Group, g.Prefix + s, labels[i])))
            .ToArray();
    }

    private static ReportSchema Build2021()
    {
        const string P = "proactive.";
        var counts = ValueKind.Count;
        ProactiveBlock[] blocks =
        [
            new("第二十条第（一）项",
                [new("issued", "本年制发件数", counts), new("repealed", "本年废止件数", counts), new("in_force", "现行有效件数", counts)],
                [new(P + "art20_1.regulations", "规章"), new(P + "art20_1.normative_docs", "行政规范性文件")]),
            new("第二十条第（五）项",
                [new("decisions", "本年处理决定数量", counts)],
                [new(P + "art20_5.licensing", "行政许可")]),
            new("第二十条第（六）项",
                [new("decisions", "本年处理决定数量", counts)],
                [new(P + "art20_6.penalty", "行政处罚"), new(P + "art20_6.coercion", "行政强制")]),
            new("第二十条第（八）项",
                [new("amount_wan_yuan", "本年收费金额（单位：万元）", ValueKind.Money)],
                [new(P + "art20_8.admin_fees", "行政事业性收费")]),
        ];
        var other = ApplicationRow.Group(
            "（六）其他处理",
            ApplicationRow.Data(ApplicationKeys.OutcomeOtherCorrectionOverdue, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ApplicationRow.Data(ApplicationKeys.OutcomeOtherFeeUnpaid, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ApplicationRow.Data(ApplicationKeys.OutcomeOtherOther, "3.其他"));
        return new ReportSchema(ReportEdition.Edition2021, ReportSection.All(ReportEdition.Edition2021), blocks, ApplicationTree(other));
    }

    private static ReportSchema Build2019()
    {
        const string P = "proactive2019.";
        ProactiveColumn[] items = [new("prev_year_items", "上一年项目数量", ValueKind.Count), new("delta", "本年增/减", ValueKind.SignedCount)];
        var decisions = new ProactiveColumn("decisions", "处理决定数量", ValueKind.Count);
        ProactiveBlock[] blocks =
        [
            new("第二十条第（一）项",
                [new("made", "本年新制作数量", ValueKind.Count), new("published", "本年新公开数量", ValueKind.Count), new("public_total", "对外公开总数量", ValueKind.Count)],
                [new(P + "art20_1.regulations", "规章"), new(P + "art20_1.normative_docs", "规范性文件")]),
            new("第二十条第（五）项",
                [.. items, decisions],
                [new(P + "art20_5.licensing", "行政许可"), new(P + "art20_5.other_services", "其他对外管理服务事项")]),
            new("第二十条第（六）项",
                [.. items, decisions],
                [new(P + "art20_6.penalty", "行政处罚"), new(P + "art20_6.coercion", "行政强制")]),
            new("第二十条第（八）项",
                items,
                [new(P + "art20_8.admin_fees", "行政事业性收费")]),
            new("第二十条第（九）项",
                [new("items", "采购项目数量", ValueKind.Count), new("amount", "采购总金额", ValueKind.Money)],
                [new(P + "art20_9.central_procurement", "政府集中采购")]),
        ];
        var other = ApplicationRow.Data(ApplicationKeys.OutcomeOther2019, "（六）其他处理");
        return new ReportSchema(ReportEdition.Edition2019, ReportSection.All(ReportEdition.Edition2019), blocks, ApplicationTree(other));
    }

    private static ApplicationRow[] ApplicationTree(ApplicationRow otherOutcomes)
    {
        const string O = ApplicationKeys.OutcomePrefix;
        return
        [
            ApplicationRow.Data(ApplicationKeys.NewReceived, "一、本年新收政府信息公开申请数量"),
            ApplicationRow.Data(ApplicationKeys.CarriedOver, "二、上年结转政府信息公开申请数量"),
            ApplicationRow.Group(
                "三、本年度办理结果",
                ApplicationRow.Data(O + "granted", "（一）予以公开"),
                ApplicationRow.Data(O + "partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
                ApplicationRow.Group(
                    "（三）不予公开",
                    ApplicationRow.Data(O + "withheld.state_secret", "1.属于国家秘密"),
                    ApplicationRow.Data(O + "withheld.prohibited_by_law", "2.其他法律行政法规禁止公开"),
                    ApplicationRow.Data(O + "withheld.three_securities_one_stability", "3.危及“三安全一稳定”"),
                    ApplicationRow.Data(O + "withheld.third_party_rights", "4.保护第三方合法权益"),
                    ApplicationRow.Data(O + "withheld.internal_affairs", "5.属于三类内部事务信息"),
                    ApplicationRow.Data(O + "withheld.process_info", "6.属于四类过程性信息"),
                    ApplicationRow.Data(O + "withheld.enforcement_file", "7.属于行政执法案卷"),
                    ApplicationRow.Data(O + "withheld.administrative_inquiry", "8.属于行政查询事项")),
                ApplicationRow.Group(
                    "（四）无法提供",
                    ApplicationRow.Data(O + "unavailable.not_held", "1.本机关不掌握相关政府信息"),
                    ApplicationRow.Data(O + "unavailable.needs_creation", "2.没有现成信息需要另行制作"),
                    ApplicationRow.Data(O + "unavailable.unclear_after_correction", "3.补正后申请内容仍不明确")),
                ApplicationRow.Group(
                    "（五）不予处理",
                    ApplicationRow.Data(O + "not_processed.petition_complaint", "1.信访举报投诉类申请"),
                    ApplicationRow.Data(O + "not_processed.duplicate", "2.重复申请"),
                    ApplicationRow.Data(O + "not_processed.publication", "3.要求提供公开出版物"),
                    ApplicationRow.Data(O + "not_processed.mass_repeated", "4.无正当理由大量反复申请"),
                    ApplicationRow.Data(O + "not_processed.confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息")),
                otherOutcomes,
                ApplicationRow.Data(ApplicationKeys.OutcomeTotal, "（七）总计")),
            ApplicationRow.Data(ApplicationKeys.CarriedForward, "四、结转下年度继续办理"),
        ];
    }
}
