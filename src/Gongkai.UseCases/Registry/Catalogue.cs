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

    public Page Browse(string? agency, DocumentCategory? category, string? topic, int page, int size = 20)
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

        var total = q.Count();
        var entries = Project(q.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Skip(Math.Max(0, page - 1) * size).Take(size));
        return new Page(total, entries);
    }

    /// <summary>Entries by id, in the order given (search results).</summary>
    public IReadOnlyList<Entry> ByIds(IReadOnlyList<long> ids)
    {
        var found = Project(RegistrySearchIndex.Searchable(db).Where(d => ids.Contains(d.Id))).ToDictionary(e => e.Id);
        return ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
    }

    /// <summary>How many published items each category holds.</summary>
    public IReadOnlyDictionary<DocumentCategory, int> CategoryCounts(string? agency) =>
        RegistrySearchIndex.Searchable(db).Where(d => agency == null || d.AgencyCode == agency)
            .GroupBy(d => d.Category).Select(g => new { g.Key, Count = g.Count() }).ToList()
            .ToDictionary(g => (DocumentCategory)g.Key, g => g.Count);

    /// <summary>First-level topics in use, with counts.</summary>
    public IReadOnlyList<(string Topic, int Count)> Topics(string? agency) =>
        RegistrySearchIndex.Searchable(db).Where(d => d.Topic != null && (agency == null || d.AgencyCode == agency))
            .GroupBy(d => d.Topic).Select(g => new { g.Key, Count = g.Count() }).ToList()
            .GroupBy(g => g.Key!.Split('\\')[0]).Select(g => (g.Key, g.Sum(x => x.Count))).OrderByDescending(t => t.Item2).ToList();

    public IReadOnlyList<Entry> Latest(int take) =>
        Project(RegistrySearchIndex.Searchable(db).OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id).Take(take));

    private static List<Entry> Project(IQueryable<RegistryDocumentRow> q) =>
        q.Select(d => new { d.Id, d.AgencyCode, d.IndexNumber, d.Title, d.DocumentNumber, d.Category, d.Topic, d.FormedOn, d.PublishedOn, d.Validity }).ToList()
            .Select(d => new Entry(d.Id, d.AgencyCode, d.IndexNumber, d.Title, d.DocumentNumber, (DocumentCategory)d.Category, d.Topic, d.FormedOn, d.PublishedOn!.Value, (Validity)d.Validity))
            .ToList();
}
