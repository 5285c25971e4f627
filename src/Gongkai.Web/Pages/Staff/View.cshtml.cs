using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 监督范围: a supervisor chooses which agency to read — its own or one beneath it. The choice is a cookie that
/// <see cref="SupervisorView"/> checks on every request; the staff pages then show that agency, read-only.
/// </summary>
[Authorize(Roles = "supervisor")]
[NotCasework]
public sealed class ViewModel(GongkaiDbContext db) : PageModel
{
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public string Viewing { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var directory = new AgencyDirectory(db);
        var home = User.HomeAgency();
        Agencies = [.. await directory.FindAsync(home, cancellationToken) is { } own ? [own] : Array.Empty<AgencyInfo>(), .. await directory.BeneathAsync(home, cancellationToken)];
        Viewing = User.Agency();
    }

    public async Task<IActionResult> OnPostAsync(string? agency, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(agency) || !await new AgencyDirectory(db).IsWithinAsync(agency, User.HomeAgency(), cancellationToken))
        {
            return NotFound();
        }

        Response.Cookies.Append(StaffScopeRegistration.ViewCookie, agency, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true });
        return LocalRedirect("/staff");
    }

    public static string Describe(AgencyInfo agency) => $"{agency.Level.Label()} · {agency.Kind.Label()}{(agency.Active ? string.Empty : " · 已撤销")}";
}
