using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The portal: the installation's agencies by level, each under its parent, with its guide, form and reports.</summary>
public sealed class IndexModel(GongkaiDbContext db) : PageModel
{
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Agencies = await new AgencyDirectory(db).ListAsync(cancellationToken);

    /// <summary>The agencies whose parent is <paramref name="parent"/> (null: the top ones, or those whose parent is unknown).</summary>
    public IEnumerable<AgencyInfo> Children(string? parent) => parent is null
        ? Agencies.Where(a => a.Parent is null || Agencies.All(p => p.Code != a.Parent))
        : Agencies.Where(a => a.Parent == parent);
}
