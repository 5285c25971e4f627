using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The audit log of the agency's staff actions, newest first: office heads and admins of their own agency; a
/// supervisor of the agency it views (its own or one beneath it), read-only like everything it sees.
/// </summary>
[Authorize(Policy = GongkaiHost.AuditReader)]
public sealed class AuditModel(AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rows = await audit.RecentAsync(User.Agency(), 500, string.IsNullOrWhiteSpace(Target) ? null : Target.Trim(), string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(), HttpContext.RequestAborted);
}
