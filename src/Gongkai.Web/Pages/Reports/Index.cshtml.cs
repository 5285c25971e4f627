using Gongkai.Persistence;
using Gongkai.UseCases.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>The published annual reports (current versions), newest year first.</summary>
public sealed class IndexModel(GongkaiDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReportWorkspace.PublishedVersion> Reports { get; private set; } = [];

    public void OnGet() => Reports = new ReportWorkspace(db, time).CurrentVersions();
}
