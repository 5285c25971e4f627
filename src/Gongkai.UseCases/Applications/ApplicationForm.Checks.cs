using System.Net.Mail;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;

namespace Gongkai.UseCases.Applications;

/// <summary>The checks that need more than the form: the identity number by its type, the delivery choices, the e-mail address, who may use which channel.</summary>
public sealed partial class ApplicationForm
{
    /// <summary>获取信息的方式 (条例第二十九条第二款第三项) the forms offer.</summary>
    public static readonly IReadOnlyList<string> DeliveryForms = ["电子文档", "纸质文本", "当场阅读、抄录"];

    /// <summary>获取信息的途径 the forms offer.</summary>
    public static readonly IReadOnlyList<string> DeliveryChannels = ["电子邮件", "邮寄", "自行领取"];

    /// <summary>The identity document; when not given, 居民身份证 for a natural person and 统一社会信用代码 for an organisation.</summary>
    public IdentityDocumentType? IdType { get; set; }

    /// <summary>Where notices are e-mailed (optional).</summary>
    public string? Email { get; set; }

    public IdentityDocumentType EffectiveIdType => IdType ?? IdentityNumbers.DefaultFor(Category);

    /// <summary>
    /// All of <see cref="Validate"/>, and: the identity number checked by its document type, known delivery choices,
    /// a well-formed e-mail address, and — for a submission by the public — only the internet channel: 当面、邮寄、传真
    /// are registered by staff on the day they receive the application (条例第三十一条).
    /// </summary>
    public Dictionary<string, string[]> Validate(DateOnly today, bool byPublic)
    {
        var errors = Validate();
        if (!errors.ContainsKey(nameof(IdProof)) && Enum.IsDefined(Category))
        {
            var type = EffectiveIdType;
            if (!Enum.IsDefined(type) || !type.FitsCategory(Category))
            {
                errors[nameof(IdType)] = [Category == ApplicantCategory.NaturalPerson ? "自然人请选择个人身份证件" : "法人或其他组织请填写统一社会信用代码"];
                errors[nameof(IdProof)] = ["身份证件种类与申请人类别不符"];
            }
            else if (IdentityNumbers.Problem(type, IdProof, today) is { } problem)
            {
                errors[nameof(IdProof)] = [problem];
            }
        }

        if (!errors.ContainsKey(nameof(DeliveryForm)) && !DeliveryForms.Contains(DeliveryForm.Trim()))
        {
            errors[nameof(DeliveryForm)] = ["获取信息的方式只能是：" + string.Join("、", DeliveryForms)];
        }

        if (!errors.ContainsKey(nameof(DeliveryChannel)) && !DeliveryChannels.Contains(DeliveryChannel.Trim()))
        {
            errors[nameof(DeliveryChannel)] = ["获取信息的途径只能是：" + string.Join("、", DeliveryChannels)];
        }

        if (!string.IsNullOrWhiteSpace(Email) && (Email.Length > 200 || !MailAddress.TryCreate(Email.Trim(), out var address) || address.Address != Email.Trim()))
        {
            errors[nameof(Email)] = ["电子邮箱地址格式不正确"];
        }

        if (byPublic && Enum.IsDefined(Channel) && Channel != ReceiptChannel.Online)
        {
            errors[nameof(Channel)] = ["网上申请的提交方式只能是互联网渠道；当面、邮寄、传真提交的申请由工作人员登记"];
        }

        return errors;
    }
}
