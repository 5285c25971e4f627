using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.UseCases.Registry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Catalogue;

/// <summary>The public 政府信息公开目录: browse by agency, category and topic, or search the full text (条例第二十四条).</summary>
public sealed class CatalogueModel(GongkaiDbContext db, Gongkai.UseCases.Registry.Catalogue catalogue, RegistrySearchIndex index) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public DocumentCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<Gongkai.UseCases.Registry.Catalogue.Entry> Entries { get; private set; } = [];

    public IReadOnlyDictionary<DocumentCategory, int> Categories { get; private set; } = new Dictionary<DocumentCategory, int>();

    public IReadOnlyList<(string Topic, int Count)> TopicCounts { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Agencies { get; private set; } = new Dictionary<string, string>();

    public bool Searching => !string.IsNullOrWhiteSpace(Q);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        Agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        Agency = Agency is not null && Agencies.ContainsKey(Agency) ? Agency : null;
        Categories = await catalogue.CategoryCountsAsync(Agency, cancellationToken);
        TopicCounts = await catalogue.TopicsAsync(Agency, cancellationToken);
        if (Searching)
        {
            await index.EnsureFreshAsync(db, cancellationToken: cancellationToken);
            var (total, ids) = index.Search(Q!.Trim(), Agency, (PageNumber - 1) * PageSize, PageSize);
            Total = total;
            Entries = await catalogue.ByIdsAsync(ids, cancellationToken);
        }
        else
        {
            var page = await catalogue.BrowseAsync(Agency, Category, Topic, PageNumber, PageSize, cancellationToken);
            Total = page.Total;
            Entries = page.Entries;
        }
    }

    public string Link(int? page = null, DocumentCategory? category = null, string? topic = null, bool keepFilters = true)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("agency", Agency);
        Add("q", Q);
        Add("category", (category ?? (keepFilters ? Category : null))?.ToString());
        Add("topic", topic ?? (keepFilters ? Topic : null));
        if (page is > 1)
        {
            query.Add("p=" + page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return "/catalogue" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query));
    }
}
