using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;

namespace Gongkai.UseCases.Applications;

/// <summary>What an applicant submits (条例第二十九条第二款): who, what, and how to receive it.</summary>
public sealed partial class ApplicationForm
{
    /// <summary>The agency's code; may be left out only while the installation has a single active agency.</summary>
    public string? Agency { get; set; }

    public ApplicantCategory Category { get; set; }

    public string Name { get; set; } = string.Empty;

    public string IdProof { get; set; } = string.Empty;

    public string Contact { get; set; } = string.Empty;

    public string Request { get; set; } = string.Empty;

    public string DeliveryForm { get; set; } = "电子文档";

    public string DeliveryChannel { get; set; } = "电子邮件";

    public ReceiptChannel Channel { get; set; } = ReceiptChannel.Online;

    /// <summary>Field → Chinese message for everything missing or malformed.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Require(string field, string value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"请填写{label}"];
            }
            else if (value.Length > max)
            {
                errors[field] = [$"{label}不能超过 {max} 个字"];
            }
        }

        Require(nameof(Name), Name, Category == ApplicantCategory.NaturalPerson ? "姓名" : "单位名称", 100);
        Require(nameof(IdProof), IdProof, Category == ApplicantCategory.NaturalPerson ? "身份证件号码" : "统一社会信用代码", 50);
        Require(nameof(Contact), Contact, "联系方式", 100);
        Require(nameof(Request), Request, "所需政府信息的名称、文号或者特征性描述", 2000);
        Require(nameof(DeliveryForm), DeliveryForm, "获取信息的方式", 50);
        Require(nameof(DeliveryChannel), DeliveryChannel, "获取信息的途径", 50);
        if (!Enum.IsDefined(Category))
        {
            errors[nameof(Category)] = ["请选择申请人类别"];
        }

        if (!Enum.IsDefined(Channel))
        {
            errors[nameof(Channel)] = ["请选择提交方式"];
        }

        return errors;
    }
}
