namespace Gongkai.Persistence.Entities;

/// <summary>
/// 政府信息公开指南 and the agency's site settings: the contents 条例第十二条 requires (机构名称 comes from the
/// agency; 办公地址、办公时间、联系电话、传真号码、互联网联系方式; how to apply, the handling process, fees,
/// remedies) as structured fields plus free text, and the footer government sites show. One row per agency,
/// absent until first edited; an empty footer field falls back to the installation's setting.
/// </summary>
public sealed class AgencyGuideRow
{
    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>办公地址.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>邮政编码.</summary>
    public string PostalCode { get; set; } = string.Empty;

    /// <summary>办公时间.</summary>
    public string OfficeHours { get; set; } = string.Empty;

    /// <summary>联系电话.</summary>
    public string Phone { get; set; } = string.Empty;

    /// <summary>传真号码.</summary>
    public string Fax { get; set; } = string.Empty;

    /// <summary>互联网联系方式 (website).</summary>
    public string Website { get; set; } = string.Empty;

    /// <summary>电子邮箱.</summary>
    public string Email { get; set; } = string.Empty;

    /// <summary>申请的提出方式.</summary>
    public string HowToApply { get; set; } = string.Empty;

    /// <summary>办理流程.</summary>
    public string Process { get; set; } = string.Empty;

    /// <summary>收费 (信息处理费，条例第四十二条).</summary>
    public string Fees { get; set; } = string.Empty;

    /// <summary>救济途径 (条例第五十一条).</summary>
    public string Remedies { get; set; } = string.Empty;

    /// <summary>其他说明 (free text).</summary>
    public string FreeText { get; set; } = string.Empty;

    /// <summary>页脚：主办单位.</summary>
    public string SiteSponsor { get; set; } = string.Empty;

    /// <summary>页脚：网站标识码.</summary>
    public string SiteCode { get; set; } = string.Empty;

    /// <summary>页脚：ICP备案号.</summary>
    public string IcpRecord { get; set; } = string.Empty;

    /// <summary>页脚：公安机关备案号.</summary>
    public string PublicSecurityRecord { get; set; } = string.Empty;

    public long UpdatedAtUtcTicks { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}
