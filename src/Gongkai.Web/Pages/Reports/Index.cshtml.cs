using Gongkai.Persistence;
using Gongkai.UseCases.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>The published annual reports (current versions), newest year first.</summary>
public sealed class IndexModel(GongkaiDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReportWorkspace.PublishedVersion> Reports { get; private set; } = [];

    /// <summary>One agency's reports only (its portal link), else every agency's.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Reports = (await new ReportWorkspace(db, time).CurrentVersionsAsync(cancellationToken))
        .Where(r => string.IsNullOrWhiteSpace(Agency) || r.AgencyCode == Agency).ToList();
}
