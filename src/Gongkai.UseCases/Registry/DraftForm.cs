using Gongkai.Domain.Registry;

namespace Gongkai.UseCases.Registry;

/// <summary>What an officer enters for a catalogue item while drafting it.</summary>
public sealed class DraftForm
{
    public string? Title { get; set; }

    public string? Publisher { get; set; }

    public string? DocumentNumber { get; set; }

    public string? RegistrationNumber { get; set; }

    public string? Topic { get; set; }

    public DocumentCategory Category { get; set; } = DocumentCategory.NormativeDocument;

    public DateOnly? FormedOn { get; set; }

    public DisclosureMode Mode { get; set; } = DisclosureMode.Proactive;

    public string? WithheldGround { get; set; }

    public string? Body { get; set; }

    public Validity Validity { get; set; } = Validity.InForce;

    /// <summary>The date of 已修改 / 废止 / 失效.</summary>
    public DateOnly? ValidityChangedOn { get; set; }

    /// <summary>索引号 of the document this one amends, repeals, or (for a 政策解读) interprets.</summary>
    public string? AmendsIndex { get; set; }

    public string? RepealsIndex { get; set; }

    public string? InterpretsIndex { get; set; }

    /// <summary>The first problem with the form, in Chinese, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            return "请填写信息名称";
        }

        if (Title.Trim().Length > 500)
        {
            return "信息名称不能超过 500 个字符";
        }

        if (FormedOn is null)
        {
            return "请填写成文日期";
        }

        if (Mode == DisclosureMode.Withheld && string.IsNullOrWhiteSpace(WithheldGround))
        {
            return "不予公开须写明理由和法律依据";
        }

        if (Validity != Validity.InForce && ValidityChangedOn is null)
        {
            return $"有效性为“{Validity.Label()}”的，请填写{Validity.Label()}日期";
        }

        return null;
    }
}
