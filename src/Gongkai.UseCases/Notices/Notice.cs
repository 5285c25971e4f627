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
    /// correction requested, not extended, no reply issued). Built from the case's recorded events, so a notice
    /// reprinted later says exactly what was recorded.
    /// </summary>
    public static Notice? For(NoticeKind kind, DisclosureApplication a, NoticeContext context)
    {
        if (!Exists(kind, a))
        {
            return null;
        }

        static string D(DateOnly d) => d.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var you = You(a.Applicant.Category);
        var addressee = a.Applicant.Name + "：";
        var reference = $"受理编号：{a.TrackingNumber}";
        var received = $"本机关于{D(a.FirstReceivedOn)}收到{you}提交的政府信息公开申请，所需信息为：{Quote(a.Request)}。";
        switch (kind)
        {
            case NoticeKind.Correction:
                {
                    var e = a.Events.Last(x => x.Kind == ApplicationEventKind.CorrectionRequested);
                    var by = a.CorrectionDeadline!.Value;
                    return new Notice(kind, "政府信息公开申请补正告知书", reference, addressee,
                    [
                        received,
                        $"经审查，{you}的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请{you}于{D(by)}前对申请作出补正，需要补正的事项为：{Sentence(AfterColon(e.Text))}",
                        "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
                        "特此告知。",
                    ], context.AgencyName, D(e.Date));
                }

            case NoticeKind.Extension:
                {
                    var e = a.Events.Last(x => x.Kind == ApplicationEventKind.Extended);
                    // The new due date as it stood on the day of the extension (the period with the extra working days).
                    var due = a.ReplyDeadline(context.Calendar, DeadlinePolicy.Default, e.Date) is { } deadline ? "，延长后的答复期限至" + D(deadline.Due) : string.Empty;
                    return new Notice(kind, "政府信息公开申请延期答复告知书", reference, addressee,
                    [
                        received,
                        $"因{Clause(AfterColon(e.Text))}，本机关不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{a.ExtensionDays}个工作日{due}。",
                        "特此告知。",
                    ], context.AgencyName, D(e.Date));
                }

            case NoticeKind.Reply:
                {
                    var (outcome, on) = (a.Outcome!.Value, a.DecidedOn!.Value);
                    var paragraphs = new List<string>
                    {
                        received,
                        "经审查，现答复如下：",
                        Sentence(a.ReplyText),
                        $"办理结果：{outcome.PublicLabel()}。依据：{outcome.LegalBasis()}。",
                        // 行政复议法第二十条 (sixty days), 行政诉讼法第四十六条 (six months); 条例第五十一条.
                        $"如对本答复不服，可以自收到本答复之日起六十日内向{context.ReconsiderationBody}申请行政复议，或者自收到本答复之日起六个月内向{context.Court}提起行政诉讼。",
                    };
                    if (context.ReplyFiles.Count > 0)
                    {
                        paragraphs.Add("附件：" + string.Join("；", context.ReplyFiles.Select((f, i) => $"{i + 1}. {f}")));
                    }

                    return new Notice(kind, "政府信息公开申请答复书", reference, addressee, paragraphs, context.AgencyName, D(on));
                }
        }

        return null;
    }

    /// <summary>
    /// Whether the case has the step a notice of <paramref name="kind"/> records (a correction requested with its
    /// deadline, an extension, a reply issued): what <see cref="For"/> needs before it builds anything, and all a page
    /// listing the notices needs to know.
    /// </summary>
    public static bool Exists(NoticeKind kind, DisclosureApplication a) => kind switch
    {
        NoticeKind.Correction => a.CorrectionDeadline is not null && a.Events.Any(x => x.Kind == ApplicationEventKind.CorrectionRequested),
        NoticeKind.Extension => a.Events.Any(x => x.Kind == ApplicationEventKind.Extended),
        NoticeKind.Reply => a.Outcome is not null && a.DecidedOn is not null,
        _ => false,
    };

    /// <summary>How a notice addresses the applicant: 您 for a natural person, 贵单位 for a 法人或者其他组织.</summary>
    public static string You(ApplicantCategory category) => category == ApplicantCategory.NaturalPerson ? "您" : "贵单位";

    /// <summary>
    /// The applicant's words in quotation marks: double quotes inside become single ones (quotes are not nested
    /// double, GB/T 15834) and the closing punctuation stays outside, so the sentence never reads "。”。".
    /// </summary>
    public static string Quote(string text)
    {
        var inner = new System.Text.StringBuilder();
        var open = true;
        foreach (var c in Clause(text))
        {
            inner.Append(c switch
            {
                '“' or '「' => '‘',
                '”' or '」' => '’',
                '"' => (open = !open) ? '’' : '‘',
                _ => c,
            });
        }

        return "“" + inner + "”";
    }

    /// <summary>Text without its closing punctuation, to be continued by the sentence around it.</summary>
    public static string Clause(string text) => text.Trim().TrimEnd('。', '.', '；', ';', '，', ',', '！', '!', ' ');

    /// <summary>Text ending with exactly one full stop (or its own ？！).</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed[^1] is '。' or '？' or '！' or '”' ? trimmed : Clause(trimmed) + "。";
    }

    /// <summary>An event's text after its lead-in ("告知补正，补正期限 …：<what>"): what the officer wrote.</summary>
    private static string AfterColon(string text)
    {
        var colon = text.IndexOf('：', StringComparison.Ordinal);
        return colon < 0 ? text : text[(colon + 1)..];
    }
}
