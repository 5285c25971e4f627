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
public sealed class AuditModel(GongkaiDbContext db, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    /// <summary>The display name of every account of the agency, by user name (one read for all the rows).</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>
    /// An entry's actor: the account's display name with its login name, which the entry keeps (公开办负责人（演示）（head）);
    /// a name that is no account of the agency (系统, 申请人, an account removed or another agency's) as it is.
    /// </summary>
    public string Person(string actor) => StaffNames.WithLogin(Names, actor);

    public async Task OnGetAsync()
    {
        var agency = User.Agency();
        var cancel = HttpContext.RequestAborted;
        Names = await StaffNames.OfAgencyAsync(db, agency, cancel);
        // The filter takes what the page shows: a display name, the display name with the login, or the login name.
        var actor = string.IsNullOrWhiteSpace(Actor) ? null : StaffNames.LoginOf(Names, Actor.Trim());
        Rows = await audit.RecentAsync(agency, 500, string.IsNullOrWhiteSpace(Target) ? null : Target.Trim(), actor, cancel);
    }
}
