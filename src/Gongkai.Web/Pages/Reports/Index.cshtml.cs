using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Reports;

/// <summary>
/// 年报专栏: every agency's published annual report (current versions), grouped by year (newest first) and, within a
/// year, by the agency's level; filtered by year and level with a plain GET form, so it reads without JavaScript.
/// </summary>
public sealed class IndexModel(GongkaiDbContext db, TimeProvider time) : PageModel
{
    /// <summary>One agency's reports only (its portal link), else every agency's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A level by its English name (city, county …), as in <c>agency list --json</c>; blank for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>The years any report was published for, newest first (the year filter's choices).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The levels any published report's agency has, highest first (the level filter's choices).</summary>
    public IReadOnlyList<AgencyLevel> Levels { get; private set; } = [];

    /// <summary>The reports shown: by year, then level, then agency.</summary>
    public IReadOnlyList<YearGroup> Groups { get; private set; } = [];

    public int Count => Groups.Sum(g => g.Levels.Sum(l => l.Reports.Count));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var levels = await db.Agencies.AsNoTracking().Select(a => new { a.Code, a.Level }).ToDictionaryAsync(a => a.Code, a => (AgencyLevel)a.Level, StringComparer.Ordinal, cancellationToken);
        var all = (await new ReportWorkspace(db, time).CurrentVersionsAsync(cancellationToken))
            .Where(r => string.IsNullOrWhiteSpace(Agency) || r.AgencyCode == Agency)
            .Select(r => (Report: r, Level: levels.GetValueOrDefault(r.AgencyCode, AgencyLevel.County)))
            .ToList();
        Years = all.Select(r => r.Report.Year).Distinct().OrderDescending().ToArray();
        Levels = all.Select(r => r.Level).Distinct().Order().ToArray();
        var level = OrganisationNames.ParseLevel(Level);
        Groups = all
            .Where(r => (Year is null || r.Report.Year == Year) && (level is null || r.Level == level))
            .GroupBy(r => r.Report.Year)
            .OrderByDescending(g => g.Key)
            .Select(g => new YearGroup(g.Key, g.GroupBy(r => r.Level).OrderBy(l => l.Key)
                .Select(l => new LevelGroup(l.Key, l.Select(r => r.Report).OrderBy(r => r.AgencyName, NameOrder.Pinyin).ThenBy(r => r.AgencyCode, StringComparer.Ordinal).ToArray()))
                .ToArray()))
            .ToArray();
    }

    /// <summary>One year's reports, by level.</summary>
    public sealed record YearGroup(int Year, IReadOnlyList<LevelGroup> Levels);

    /// <summary>One level's reports within a year.</summary>
    public sealed record LevelGroup(AgencyLevel Level, IReadOnlyList<ReportWorkspace.PublishedVersion> Reports);
}
