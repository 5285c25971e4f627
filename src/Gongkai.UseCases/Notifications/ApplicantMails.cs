using Gongkai.Domain.Applications;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Notices;

namespace Gongkai.UseCases.Notifications;

/// <summary>The e-mails an applicant with an address receives: 受理回执, and one for each notice of the case.</summary>
public static class ApplicantMails
{
    private const string Footer = "\n\n请凭受理编号和查询码在本平台“查询办理进度”页面查看办理情况、文书和附件。本邮件由系统自动发送，请勿直接回复。";

    /// <summary>受理回执: the tracking number and the reply deadline (条例第三十三条).</summary>
    public static MailMessageDraft? Acknowledgment(DisclosureApplication a, DateOnly due, string agencyName) =>
        a.Applicant.Email is not { Length: > 0 } to ? null : new MailMessageDraft(
            "ack:" + a.TrackingNumber, a.AgencyCode, a.TrackingNumber, to,
            $"政府信息公开申请已收到（受理编号 {a.TrackingNumber}）",
            $"{a.Applicant.Name}：\n\n{agencyName}已于 {a.FirstReceivedOn:yyyy-MM-dd} 收到您的政府信息公开申请。\n受理编号：{a.TrackingNumber}\n答复期限：{due:yyyy-MM-dd}（依《中华人民共和国政府信息公开条例》第三十三条，自收到申请之日起 20 个工作日内答复；需要延长的，将另行告知）。" + Footer);

    /// <summary>The e-mail for a case action that produces something the applicant must know, or null.</summary>
    public static MailMessageDraft? After(CaseAction action, DisclosureApplication a, NoticeContext context)
    {
        if (a.Applicant.Email is not { Length: > 0 } to)
        {
            return null;
        }

        var (kind, subject) = action switch
        {
            CaseAction.RequestCorrection => ((NoticeKind?)NoticeKind.Correction, "补正告知"),
            CaseAction.Extend => (NoticeKind.Extension, "延期答复告知"),
            // A reply waiting for the office head's approval is not issued: Notice.For has no reply letter yet.
            CaseAction.Decide or CaseAction.ApproveDecision => (NoticeKind.Reply, "答复已作出"),
            CaseAction.IssueFeeNotice => (null, "收费通知"),
            _ => (null, (string?)null),
        };
        if (subject is null)
        {
            return null;
        }

        string body;
        if (kind is { } k && Notice.For(k, a, context) is { } notice)
        {
            body = $"{notice.Title}\n{notice.Reference}\n\n{notice.Addressee}\n" + string.Join("\n", notice.Paragraphs) + $"\n\n{notice.Agency}\n{notice.Date}";
        }
        else if (action == CaseAction.IssueFeeNotice && a.FeeAmount is { } fee)
        {
            body = $"{a.Applicant.Name}：\n\n您的政府信息公开申请（受理编号 {a.TrackingNumber}）需缴纳信息处理费 {fee:0.00} 元（收费通知日期 {a.FeeNoticeOn:yyyy-MM-dd}）。缴费前答复期限暂停计算。";
        }
        else
        {
            return null;
        }

        return new MailMessageDraft($"{action}:{a.TrackingNumber}:{a.Version}", a.AgencyCode, a.TrackingNumber, to,
            $"{subject}（受理编号 {a.TrackingNumber}）", body + Footer);
    }
}
