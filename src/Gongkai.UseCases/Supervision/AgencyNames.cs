using Gongkai.UseCases.Organisation;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The agencies a collect files reports against, by name as compared: those beneath the office (a name two of them share
/// is kept apart: a report naming it could be either's), and the office with those above it (a report naming one of them
/// is refused, not filed under a new agency of that name), and the agencies elsewhere in the installation at a higher level
/// than the office (a report naming one is refused too: it cannot be beneath the office, and filed under a new agency
/// of that name it would shadow the real one — a district's office could block the city's own collection of a city
/// department). An agency elsewhere at the office's level or below may share a bare name with one not yet registered
/// beneath (两个县的“民政局”), so such a name is still filed under a new agency. Built from one listing; a batch works on copies.
/// </summary>
internal sealed class AgencyNames
{
    private AgencyNames(
        string under, int count, AgencyInfo office, HashSet<string> codes, Dictionary<string, AgencyInfo> byName, Dictionary<string, List<AgencyInfo>> shared,
        Dictionary<string, AgencyInfo> above, Dictionary<string, AgencyInfo> elsewhere)
    {
        Under = under;
        Count = count;
        Office = office;
        Codes = codes;
        ByName = byName;
        Shared = shared;
        Above = above;
        Elsewhere = elsewhere;
    }

    /// <summary>The office collecting.</summary>
    public string Under { get; }

    /// <summary>How many agencies the listing held, every one in the database.</summary>
    public int Count { get; }

    public AgencyInfo Office { get; }

    public IReadOnlySet<string> Codes { get; }

    public IReadOnlyDictionary<string, AgencyInfo> ByName { get; }

    public IReadOnlyDictionary<string, List<AgencyInfo>> Shared { get; }

    public IReadOnlyDictionary<string, AgencyInfo> Above { get; }

    /// <summary>Agencies neither beneath the office nor above it, at a higher level than the office, by name (the first listed of a name).</summary>
    public IReadOnlyDictionary<string, AgencyInfo> Elsewhere { get; }

    public static AgencyNames Of(IReadOnlyList<AgencyInfo> all, string under, Func<string, string> normalise)
    {
        var byName = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        var shared = new Dictionary<string, List<AgencyInfo>>(StringComparer.Ordinal);
        var beneath = AgencyDirectory.Beneath(all, under).ToList();
        foreach (var a in beneath)
        {
            var key = normalise(a.Name);
            if (!byName.TryAdd(key, a))
            {
                if (!shared.TryGetValue(key, out var same))
                {
                    shared[key] = same = [byName[key]];
                }

                same.Add(a);
            }
        }

        // A name several agencies share of which exactly one is active is that one's: a closed agency (merged, abolished)
        // keeps its reports but is not the one a new report names.
        foreach (var (key, same) in shared.ToList())
        {
            if (same.Count(a => a.Active) == 1)
            {
                byName[key] = same.Single(a => a.Active);
                shared.Remove(key);
            }
        }

        var byCode = all.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var office = byCode[under];
        var above = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        var at = office;
        while (at is not null && above.TryAdd(normalise(at.Name), at))
        {
            at = at.Parent is { } parent ? byCode.GetValueOrDefault(parent) : null;
        }

        var placed = beneath.Concat(above.Values).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var elsewhere = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        foreach (var a in all)
        {
            if (!placed.Contains(a.Code) && a.Level < office.Level)
            {
                elsewhere.TryAdd(normalise(a.Name), a);
            }
        }

        return new AgencyNames(under, all.Count, office, byCode.Keys.ToHashSet(StringComparer.Ordinal), byName, shared, above, elsewhere);
    }
}
