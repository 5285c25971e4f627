using System.Security.Claims;
using Gongkai.Domain.Organisation;

namespace Gongkai.Web.Hosting;

/// <summary>The signed-in officer's user name, agency and role, from the cookie's claims.</summary>
public static class StaffClaims
{
    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? string.Empty;

    public static string Agency(this ClaimsPrincipal user) => user.FindFirst("agency")?.Value ?? string.Empty;

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirst("display_name")?.Value ?? user.UserName();

    /// <summary>The agency the signed-in account belongs to (for a supervisor reading another agency, its own).</summary>
    public static string HomeAgency(this ClaimsPrincipal user) => user.FindFirst("home_agency")?.Value ?? user.Agency();

    /// <summary>公开办负责人 or 管理员: may approve extensions and publish annual reports.</summary>
    public static bool IsOfficeHead(this ClaimsPrincipal user) => user.IsInRole("head") || user.IsInRole("admin");

    /// <summary>
    /// 办理人员, 公开办负责人 or 管理员: works the agency's cases. A 监督人员 (or the installation administrator) only
    /// reads: pages hide their write controls from it, and its posts are refused (<see cref="CaseworkOnly"/>).
    /// </summary>
    public static bool WorksCases(this ClaimsPrincipal user) => user.Role() is { } role && role.ActsOnCases();
}
