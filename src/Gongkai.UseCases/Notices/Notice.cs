using System.Globalization;
using Gongkai.Domain.Applications;

namespace Gongkai.UseCases.Notices;

/// <summary>The written notices of a case (文书).</summary>
public enum NoticeKind
{
    /// <summary>补正告知书 (条例第三十条).</summary>
    Correction,

    /// <summary>延期答复告知书 (条例第三十三条第二款).</summary>
    Extension,

    /// <summary>政府信息公开申请答复书.</summary>
    Reply,
}

/// <summary>A notice to the applicant: title, reference, addressee, body paragraphs, the agency and the date.</summary>
public sealed record Notice(NoticeKind Kind, string Title, string Reference, string Addressee, IReadOnlyList<string> Paragraphs, string Agency, string Date)
{
    public static string FileStem(NoticeKind kind) => kind switch
    {
        NoticeKind.Correction => "补正告知书",
        NoticeKind.Extension => "延期答复告知书",
        NoticeKind.Reply => "答复书",
    };

    /// <summary>
    /// The notice of <paramref name="kind"/> for a case, or null while the case has no such step yet (no
    /// correction requested, not extended, not decided). Built from the case's recorded events, so a notice
    /// reprinted later says exactly what was recorded.
    /// </summary>
    public static Notice? For(NoticeKind kind, DisclosureApplication a, string agencyName)
    {
        static string D(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var addressee = a.Applicant.Name + "：";
        var reference = $"受理编号：{a.TrackingNumber}";
        var received = $"本机关于{D(a.FirstReceivedOn)}收到您（单位）提交的政府信息公开申请，所需信息为：“{a.Request}”。";
        switch (kind)
        {
            case NoticeKind.Correction:
                {
                    var e = a.Events.LastOrDefault(x => x.Kind == ApplicationEventKind.CorrectionRequested);
                    if (e is null || a.CorrectionDeadline is not { } by)
                    {
                        return null;
                    }

                    var what = AfterColon(e.Text);
                    return new Notice(kind, "政府信息公开申请补正告知书", reference, addressee,
                    [
                        received,
                        $"经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请您于{D(by)}前对申请作出补正，需要补正的事项为：{what}",
                        "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
                        "特此告知。",
                    ], agencyName, D(e.Date));
                }

            case NoticeKind.Extension:
                {
                    var e = a.Events.LastOrDefault(x => x.Kind == ApplicationEventKind.Extended);
                    if (e is null)
                    {
                        return null;
                    }

                    var reason = AfterColon(e.Text);
                    return new Notice(kind, "政府信息公开申请延期答复告知书", reference, addressee,
                    [
                        received,
                        $"因{reason.TrimEnd('。')}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{a.ExtensionDays}个工作日。",
                        "特此告知。",
                    ], agencyName, D(e.Date));
                }

            case NoticeKind.Reply:
                {
                    if (a.Outcome is not { } outcome || a.DecidedOn is not { } on)
                    {
                        return null;
                    }

                    return new Notice(kind, "政府信息公开申请答复书", reference, addressee,
                    [
                        received,
                        "经审查，现答复如下：",
                        a.ReplyText,
                        $"办理结果：{outcome.Label()}。依据：{outcome.LegalBasis()}。",
                        "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。",
                    ], agencyName, D(on));
                }
        }

        return null;
    }

    /// <summary>An event's text after its lead-in ("告知补正，补正期限 …：<what>"): what the officer wrote.</summary>
    private static string AfterColon(string text)
    {
        var colon = text.IndexOf('：', StringComparison.Ordinal);
        return colon < 0 ? text : text[(colon + 1)..];
    }
}
