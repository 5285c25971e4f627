using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Registry;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Registry;

/// <summary>The agency's catalogue for officers: items in review (with the 第二十六条 flags) and the latest published.</summary>
public sealed class RegistryIndexModel(GongkaiDbContext db, PendingPublication pending) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<PendingPublication.Item> Pending { get; private set; } = [];

    public IReadOnlyList<RegistryDocumentRow> Published { get; private set; } = [];

    public int PublishedTotal { get; private set; }

    /// <summary>Whether the reader works cases: a 监督人员 reads the catalogue without the links to drafting and importing, whose posts answer 403.</summary>
    public bool MayAct => User.WorksCases();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agency = User.Agency();
        Pending = await pending.RunAsync(agency, cancellationToken);
        var q = db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.AgencyCode == agency && (d.State == (int)ReviewState.Published || d.State == (int)ReviewState.Approved));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            q = q.Where(d => d.Title.Contains(text) || d.IndexNumber.Contains(text) || (d.DocumentNumber != null && d.DocumentNumber.Contains(text)));
        }

        PublishedTotal = await q.CountAsync(cancellationToken);
        Published = await q.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Take(100).ToListAsync(cancellationToken);
    }
}
