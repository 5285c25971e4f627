namespace Gongkai.Web.Hosting;

/// <summary>
/// The installation's site identity under "Gongkai:Site" (appsettings or GONGKAI__SITE__*): the portal's name and the
/// footer government sites show. An agency's own footer fields (its settings page) replace these on its pages.
/// </summary>
public sealed class SiteOptions
{
    /// <summary>The portal's name in the banner of pages that belong to no single agency.</summary>
    public string Name { get; set; } = "政府信息公开平台";

    /// <summary>主办单位.</summary>
    public string Sponsor { get; set; } = string.Empty;

    /// <summary>联系方式.</summary>
    public string Contact { get; set; } = string.Empty;

    /// <summary>网站标识码.</summary>
    public string SiteCode { get; set; } = string.Empty;

    /// <summary>ICP备案号.</summary>
    public string IcpRecord { get; set; } = string.Empty;

    /// <summary>公安机关备案号.</summary>
    public string PublicSecurityRecord { get; set; } = string.Empty;
}
