using System.Text.RegularExpressions;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Organisation;

/// <summary>
/// The installation's agencies: add, re-parent, close, list, and the tree a supervisor reads (the agencies beneath
/// its own, transitively). Refusals are Chinese sentences; a refused change writes nothing.
/// </summary>
public sealed partial class AgencyDirectory(GongkaiDbContext db)
{
    // The synchronous reads serve the command line and the supervision use cases; request paths use the async ones
    // (issue 11: a synchronous query holds a thread-pool thread for its whole round trip). Both run the same query.
    public IReadOnlyList<AgencyInfo> List() => Ordered().AsEnumerable().Select(ToInfo).ToList();

    public async Task<IReadOnlyList<AgencyInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        (await Ordered().ToListAsync(cancellationToken)).Select(ToInfo).ToList();

    public AgencyInfo? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Matching(code).AsEnumerable().Select(ToInfo).SingleOrDefault();

    public async Task<AgencyInfo?> FindAsync(string? code, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(code) ? null : await Matching(code).SingleOrDefaultAsync(cancellationToken) is { } row ? ToInfo(row) : null;

    /// <summary>Active agencies (those that take applications).</summary>
    public async Task<IReadOnlyList<AgencyInfo>> ActiveAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).Where(a => a.Active).ToList();

    private IQueryable<AgencyRow> Ordered() => db.Agencies.AsNoTracking().OrderBy(a => a.Level).ThenBy(a => a.Code);

    private IQueryable<AgencyRow> Matching(string code) => db.Agencies.AsNoTracking().Where(a => a.Code == code.Trim());

    /// <summary>Adds an agency. Level defaults to its parent's (a department of a city is city-level), else 市; kind to 部门 under a parent, else 人民政府.</summary>
    public async Task<string?> AddAsync(string code, string name, string? parent = null, AgencyLevel? level = null, AgencyKind? kind = null, CancellationToken cancellationToken = default)
    {
        code = code.Trim();
        name = name.Trim();
        parent = string.IsNullOrWhiteSpace(parent) ? null : parent.Trim();
        if (Refusal(code, name) is { } refused)
        {
            return refused;
        }

        if (await db.Agencies.AnyAsync(a => a.Code == code, cancellationToken))
        {
            return $"机关代码“{code}”已存在，未添加。";
        }

        AgencyRow? parentRow = null;
        if (parent is not null)
        {
            if (parent == code)
            {
                return "机关不能以自身为上级机关。";
            }

            parentRow = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == parent, cancellationToken);
            if (parentRow is null)
            {
                return $"上级机关“{parent}”不存在，未添加。";
            }

            if (ClosedParentRefusal(parentRow.Name, parent, parentRow.ClosedOn) is { } closed)
            {
                return closed;
            }
        }

        db.Agencies.Add(new AgencyRow
        {
            Code = code,
            Name = name,
            ParentCode = parent,
            Level = (int)(level ?? (parentRow is null ? AgencyLevel.City : (AgencyLevel)parentRow.Level)),
            Kind = (int)(kind ?? (parentRow is null ? AgencyKind.Government : AgencyKind.Department)),
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>
    /// Adds agencies of one kind under <paramref name="parent"/>, at its level, in one save (a collect batch makes up to
    /// a hundred): each is checked as <see cref="AddAsync"/> checks it, with one query for the codes already taken. The
    /// refusal of each, in order, null when added.
    /// </summary>
    public async Task<IReadOnlyList<string?>> AddUnderAsync(AgencyInfo parent, IReadOnlyList<(string Code, string Name)> agencies, AgencyKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(agencies);
        var wanted = agencies.Select(a => a.Code.Trim()).ToArray();
        var taken = (await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Code)).Select(a => a.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var refusals = new string?[agencies.Count];
        for (var i = 0; i < agencies.Count; i++)
        {
            var (code, name) = (agencies[i].Code.Trim(), agencies[i].Name.Trim());
            refusals[i] = Refusal(code, name)
                ?? (!taken.Add(code) ? $"机关代码“{code}”已存在，未添加。" : null)
                ?? (code == parent.Code ? "机关不能以自身为上级机关。" : ClosedParentRefusal(parent.Name, parent.Code, parent.ClosedOn));
            if (refusals[i] is null)
            {
                db.Agencies.Add(new AgencyRow { Code = code, Name = name, ParentCode = parent.Code, Level = (int)parent.Level, Kind = (int)kind });
            }
        }

        if (refusals.Any(r => r is null))
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return refusals;
    }

    /// <summary>Why an agency with this code and name cannot be added, whatever else is stored; null when it can.</summary>
    private static string? Refusal(string code, string name) =>
        !CodePattern().IsMatch(code) ? $"机关代码“{code}”无效：须为 1–64 个字母、数字、“-”或“_”。"
        : name.Length is 0 or > 200 ? "机关名称不能为空，且不超过 200 字。"
        : AgencyNameText.Problem(name) is { } character ? $"机关名称含有不允许的字符（{character}：控制字符、格式字符或换行），未添加。"
        : null;

    private static string? ClosedParentRefusal(string parentName, string parentCode, DateOnly? closedOn) =>
        closedOn is null ? null : $"上级机关“{parentName}”（{parentCode}）已撤销，不能在其下添加机关。";

    /// <summary>Moves an agency under another (or to the top with null); refused when it would make a cycle.</summary>
    public async Task<string?> SetParentAsync(string code, string? parent, CancellationToken cancellationToken = default)
    {
        var row = await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (row is null)
        {
            return $"机关“{code}”不存在。";
        }

        parent = string.IsNullOrWhiteSpace(parent) ? null : parent.Trim();
        if (parent is not null)
        {
            var parents = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.ParentCode, cancellationToken);
            if (!parents.ContainsKey(parent))
            {
                return $"上级机关“{parent}”不存在。";
            }

            var path = new List<string> { code, parent };
            for (var at = parent; at is not null; at = parents.GetValueOrDefault(at))
            {
                if (at == code)
                {
                    path.Add(code);
                    db.ChangeTracker.Clear();
                    return $"不能把“{code}”设在“{parent}”之下：上下级会形成循环（{string.Join(" → ", path)}）。";
                }

                if (at != parent)
                {
                    path.Add(at);
                }
            }
        }

        row.ParentCode = parent;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>
    /// Closes an agency (merged or abolished): refused while it has open cases, with their count; its history stays
    /// and it takes no new applications or accounts.
    /// </summary>
    public async Task<string?> CloseAsync(string code, DateOnly on, CancellationToken cancellationToken = default)
    {
        var row = await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (row is null)
        {
            return $"机关“{code}”不存在。";
        }

        if (row.ClosedOn is not null)
        {
            return $"机关“{row.Name}”已于 {row.ClosedOn:yyyy-MM-dd} 撤销。";
        }

        var open = await db.Applications.IgnoreQueryFilters().CountAsync(a => a.AgencyCode == code && a.State != (int)ApplicationState.Closed, cancellationToken);
        if (open > 0)
        {
            db.ChangeTracker.Clear();
            return $"机关“{row.Name}”还有 {open} 件在办申请，办结或移交后才能撤销。";
        }

        var children = await db.Agencies.CountAsync(a => a.ParentCode == code && a.ClosedOn == null, cancellationToken);
        if (children > 0)
        {
            db.ChangeTracker.Clear();
            return $"机关“{row.Name}”之下还有 {children} 个在用的机关，先撤销或移走它们。";
        }

        row.ClosedOn = on;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>The agencies beneath <paramref name="code"/>, transitively (not itself), in code order.</summary>
    public IReadOnlyList<AgencyInfo> Beneath(string code) => Beneath(List(), code);

    public async Task<IReadOnlyList<AgencyInfo>> BeneathAsync(string code, CancellationToken cancellationToken = default) =>
        Beneath(await ListAsync(cancellationToken), code);

    /// <summary>The agencies of <paramref name="all"/> beneath <paramref name="code"/>, for a caller that has just listed them.</summary>
    internal static List<AgencyInfo> Beneath(IReadOnlyList<AgencyInfo> all, string code)
    {
        var children = all.Where(a => a.Parent is not null).ToLookup(a => a.Parent!);
        var found = new List<AgencyInfo>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        var pending = new Queue<string>([code]);
        while (pending.TryDequeue(out var at))
        {
            foreach (var child in children[at])
            {
                if (seen.Add(child.Code))
                {
                    found.Add(child);
                    pending.Enqueue(child.Code);
                }
            }
        }

        return found.OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether <paramref name="agency"/> is <paramref name="ancestor"/> or beneath it.</summary>
    public bool IsWithin(string agency, string ancestor) =>
        agency == ancestor || Beneath(ancestor).Any(a => a.Code == agency);

    public async Task<bool> IsWithinAsync(string agency, string ancestor, CancellationToken cancellationToken = default) =>
        agency == ancestor || (await BeneathAsync(ancestor, cancellationToken)).Any(a => a.Code == agency);

    internal static AgencyInfo ToInfo(AgencyRow a) =>
        new(a.Code, a.Name, (AgencyLevel)a.Level, (AgencyKind)a.Kind, a.ParentCode, a.ClosedOn);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
