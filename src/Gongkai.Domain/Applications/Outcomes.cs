using Gongkai.Domain.Reports;

namespace Gongkai.Domain.Applications;

/// <summary>The table 三 row of each outcome, its label and legal basis.</summary>
public static class Outcomes
{
    /// <summary>The row key in the given edition (2019: the three 其他处理 outcomes share one row).</summary>
    public static string RowKey(this Outcome outcome, ReportEdition edition = ReportEdition.Edition2021)
    {
        if (edition == ReportEdition.Edition2019 && outcome is Outcome.OtherCorrectionOverdue or Outcome.OtherFeeUnpaid or Outcome.OtherOther)
        {
            return ApplicationKeys.OutcomeOther2019;
        }

        return ApplicationKeys.OutcomePrefix + outcome switch
        {
            Outcome.Granted => "granted",
            Outcome.Partial => "partial",
            Outcome.WithheldStateSecret => "withheld.state_secret",
            Outcome.WithheldProhibitedByLaw => "withheld.prohibited_by_law",
            Outcome.WithheldThreeSecuritiesOneStability => "withheld.three_securities_one_stability",
            Outcome.WithheldThirdPartyRights => "withheld.third_party_rights",
            Outcome.WithheldInternalAffairs => "withheld.internal_affairs",
            Outcome.WithheldProcessInfo => "withheld.process_info",
            Outcome.WithheldEnforcementFile => "withheld.enforcement_file",
            Outcome.WithheldAdministrativeInquiry => "withheld.administrative_inquiry",
            Outcome.UnavailableNotHeld => "unavailable.not_held",
            Outcome.UnavailableNeedsCreation => "unavailable.needs_creation",
            Outcome.UnavailableUnclearAfterCorrection => "unavailable.unclear_after_correction",
            Outcome.NotProcessedPetitionComplaint => "not_processed.petition_complaint",
            Outcome.NotProcessedDuplicate => "not_processed.duplicate",
            Outcome.NotProcessedPublication => "not_processed.publication",
            Outcome.NotProcessedMassRepeated => "not_processed.mass_repeated",
            Outcome.NotProcessedConfirmOrReissue => "not_processed.confirm_or_reissue",
            Outcome.OtherCorrectionOverdue => "other.correction_overdue",
            Outcome.OtherFeeUnpaid => "other.fee_unpaid",
            Outcome.OtherOther => "other.other",
        };
    }

    /// <summary>The outcome of a table 三 row key (2021 edition keys).</summary>
    public static Outcome? FromRowKey(string key) =>
        Enum.GetValues<Outcome>().Select(o => (Outcome?)o).FirstOrDefault(o => o!.Value.RowKey() == key);

    /// <summary>The printed label of the outcome's row (without its list number).</summary>
    public static string Label(this Outcome outcome) =>
        ReportSchema.Edition2021.ApplicationDataRows.Single(r => r.Key == outcome.RowKey()).Label;

    /// <summary>
    /// The outcome as the applicant reads it in a notice or on the status page: the statistical row label without
    /// its list number and without the counting instructions meant for the annual report (the 部分公开 row's
    /// "区分处理的，只计这一情形，不计其他情形" tells the report's author how to count, not the applicant anything).
    /// </summary>
    public static string PublicLabel(this Outcome outcome) => outcome switch
    {
        Outcome.Granted => "予以公开",
        Outcome.Partial => "部分公开",
        Outcome.WithheldStateSecret => "不予公开（属于国家秘密）",
        Outcome.WithheldProhibitedByLaw => "不予公开（法律、行政法规禁止公开）",
        Outcome.WithheldThreeSecuritiesOneStability => "不予公开（公开后可能危及国家安全、公共安全、经济安全、社会稳定）",
        Outcome.WithheldThirdPartyRights => "不予公开（公开会损害第三方合法权益）",
        Outcome.WithheldInternalAffairs => "不予公开（属于内部事务信息）",
        Outcome.WithheldProcessInfo => "不予公开（属于过程性信息）",
        Outcome.WithheldEnforcementFile => "不予公开（属于行政执法案卷信息）",
        Outcome.WithheldAdministrativeInquiry => "不予公开（属于行政查询事项）",
        Outcome.UnavailableNotHeld => "无法提供（本机关不掌握相关政府信息）",
        Outcome.UnavailableNeedsCreation => "无法提供（没有现成信息，需要另行制作）",
        Outcome.UnavailableUnclearAfterCorrection => "无法提供（补正后申请内容仍不明确）",
        Outcome.NotProcessedPetitionComplaint => "不予处理（属于信访、投诉、举报等事项）",
        Outcome.NotProcessedDuplicate => "不予处理（重复申请）",
        Outcome.NotProcessedPublication => "不予处理（要求提供公开出版物）",
        Outcome.NotProcessedMassRepeated => "不予处理（无正当理由大量反复申请）",
        Outcome.NotProcessedConfirmOrReissue => "不予处理（要求确认或重新出具已获取的信息）",
        Outcome.OtherCorrectionOverdue => "逾期不补正，视为放弃申请",
        Outcome.OtherFeeUnpaid => "逾期未缴纳信息处理费，视为放弃申请",
        Outcome.OtherOther => "其他处理",
    };

    /// <summary>Text without the annual report's counting instructions (a row label quoted in an older event's text).</summary>
    public static string WithoutCountingNotes(string text) =>
        text.Replace("（区分处理的，只计这一情形，不计其他情形）", string.Empty, StringComparison.Ordinal);

    /// <summary>The article the outcome rests on (条例), for reply letters.</summary>
    public static string LegalBasis(this Outcome outcome) => outcome switch
    {
        Outcome.Granted => "条例第三十六条第（一）（二）项",
        Outcome.Partial => "条例第三十七条",
        Outcome.WithheldStateSecret or Outcome.WithheldProhibitedByLaw or Outcome.WithheldThreeSecuritiesOneStability => "条例第十四条",
        Outcome.WithheldThirdPartyRights => "条例第十五条、第三十二条",
        Outcome.WithheldInternalAffairs => "条例第十六条第一款",
        Outcome.WithheldProcessInfo or Outcome.WithheldEnforcementFile => "条例第十六条第二款",
        Outcome.WithheldAdministrativeInquiry => "条例第三十六条第（七）项",
        Outcome.UnavailableNotHeld => "条例第三十六条第（四）（五）项",
        Outcome.UnavailableNeedsCreation => "条例第三十八条",
        Outcome.UnavailableUnclearAfterCorrection => "条例第三十条",
        Outcome.NotProcessedPetitionComplaint => "条例第三十九条第一款",
        Outcome.NotProcessedDuplicate => "条例第三十六条第（六）项",
        Outcome.NotProcessedPublication => "条例第三十九条第二款",
        Outcome.NotProcessedMassRepeated => "条例第三十五条",
        Outcome.NotProcessedConfirmOrReissue => "（实践中的类别，条例未单列）",
        Outcome.OtherCorrectionOverdue => "条例第三十条",
        Outcome.OtherFeeUnpaid => "《政府信息公开信息处理费管理办法》",
        Outcome.OtherOther => "—",
    };
}
