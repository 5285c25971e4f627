using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// The public 政府信息公开目录 (条例第二十四条): published 主动公开 items, browsed by agency, category (条例第二十条 items)
/// and topic (主题分类, first level), newest first. Reads only.
/// </summary>
public sealed class Catalogue(GongkaiDbContext db)
{
    public sealed record Entry(long Id, string AgencyCode, string IndexNumber, string Title, string? DocumentNumber, DocumentCategory Category, string? Topic, DateOnly FormedOn, DateOnly PublishedOn, Validity Validity);

    public sealed record Page(int Total, IReadOnlyList<Entry> Entries);

    public async Task<Page> BrowseAsync(string? agency, DocumentCategory? category, string? topic, int page, int size = 20, CancellationToken cancellationToken = default)
    {
        var q = RegistrySearchIndex.Searchable(db);
        if (!string.IsNullOrEmpty(agency))
        {
            q = q.Where(d => d.AgencyCode == agency);
        }

        if (category is { } c)
        {
            q = q.Where(d => d.Category == (int)c);
        }

        if (!string.IsNullOrEmpty(topic))
        {
            var nested = topic + "\\";
            q = q.Where(d => d.Topic == topic || d.Topic!.StartsWith(nested));
        }

        var total = await q.CountAsync(cancellationToken);
        var entries = await ProjectAsync(q.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Skip(Math.Max(0, page - 1) * size).Take(size), cancellationToken);
        return new Page(total, entries);
    }

    /// <summary>Entries by id, in the order given (search results).</summary>
    public async Task<IReadOnlyList<Entry>> ByIdsAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken = default)
    {
        var found = (await ProjectAsync(RegistrySearchIndex.Searchable(db).Where(d => ids.Contains(d.Id)), cancellationToken)).ToDictionary(e => e.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>How many published items each category holds.</summary>
    public async Task<IReadOnlyDictionary<DocumentCategory, int>> CategoryCountsAsync(string? agency, CancellationToken cancellationToken = default) =>
        (await RegistrySearchIndex.Searchable(db).Where(d => agency == null || d.AgencyCode == agency)
            .GroupBy(d => d.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => (DocumentCategory)g.Key, g => g.Count);

    /// <summary>First-level topics in use, with counts.</summary>
    public async Task<IReadOnlyList<(string Topic, int Count)>> TopicsAsync(string? agency, CancellationToken cancellationToken = default) =>
        (await RegistrySearchIndex.Searchable(db).Where(d => d.Topic != null && (agency == null || d.AgencyCode == agency))
            .GroupBy(d => d.Topic).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .GroupBy(g => g.Key!.Split('\\')[0]).Select(g => (g.Key, g.Sum(x => x.Count))).OrderByDescending(t => t.Item2).ToList();

    public Task<List<Entry>> LatestAsync(int take, CancellationToken cancellationToken = default) =>
        ProjectAsync(RegistrySearchIndex.Searchable(db).OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Take(take), cancellationToken);

    private static async Task<List<Entry>> ProjectAsync(IQueryable<RegistryDocumentRow> q, CancellationToken cancellationToken) =>
        (await q.Select(d => new { d.Id, d.AgencyCode, d.IndexNumber, d.Title, d.DocumentNumber, d.Category, d.Topic, d.FormedOn, d.PublishedOn, d.Validity }).ToListAsync(cancellationToken))
            .Select(d => new Entry(d.Id, d.AgencyCode, d.IndexNumber, d.Title, d.DocumentNumber, (DocumentCategory)d.Category, d.Topic, d.FormedOn, d.PublishedOn!.Value, (Validity)d.Validity))
            .ToList();
}
