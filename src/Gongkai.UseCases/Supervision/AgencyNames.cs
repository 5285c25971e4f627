using Gongkai.UseCases.Organisation;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The agencies a collect files reports against, by name as compared: those beneath the office (a name two of them share
/// is kept apart: a report naming it could be either's), and the office with those above it (a report naming one of them
/// is refused, not filed under a new agency of that name). Built from one listing; a batch works on copies.
/// </summary>
internal sealed class AgencyNames
{
    private AgencyNames(string under, int count, AgencyInfo office, HashSet<string> codes, Dictionary<string, AgencyInfo> byName, Dictionary<string, List<AgencyInfo>> shared, Dictionary<string, AgencyInfo> above)
    {
        Under = under;
        Count = count;
        Office = office;
        Codes = codes;
        ByName = byName;
        Shared = shared;
        Above = above;
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

    public static AgencyNames Of(IReadOnlyList<AgencyInfo> all, string under, Func<string, string> normalise)
    {
        var byName = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        var shared = new Dictionary<string, List<AgencyInfo>>(StringComparer.Ordinal);
        foreach (var a in AgencyDirectory.Beneath(all, under))
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

        var byCode = all.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var office = byCode[under];
        var above = new Dictionary<string, AgencyInfo>(StringComparer.Ordinal);
        var at = office;
        while (at is not null && above.TryAdd(normalise(at.Name), at))
        {
            at = at.Parent is { } parent ? byCode.GetValueOrDefault(parent) : null;
        }

        return new AgencyNames(under, all.Count, office, byCode.Keys.ToHashSet(StringComparer.Ordinal), byName, shared, above);
    }
}
