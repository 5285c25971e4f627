using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>The append-only log of staff actions (who, what, to which record, when, with what result).</summary>
public sealed class AuditLog(GongkaiDbContext db, TimeProvider time)
{
    public void Record(string actor, string agency, string action, string target, string detail)
    {
        db.Audit.Add(Row(actor, agency, action, target, detail));
        db.SaveChanges();
        db.ChangeTracker.Clear();
    }

    /// <summary>An entry not yet saved, for a caller that saves it in the same transaction as what it records.</summary>
    public AuditRow Entry(string actor, string agency, string action, string target, string detail) => Row(actor, agency, action, target, detail);

    /// <summary>Async <see cref="Record"/> for request paths.</summary>
    public async Task RecordAsync(string actor, string agency, string action, string target, string detail, CancellationToken cancel = default)
    {
        db.Audit.Add(Row(actor, agency, action, target, detail));
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Async <see cref="Recent"/>.</summary>
    public async Task<IReadOnlyList<AuditRow>> RecentAsync(string agency, int take = 200, string? target = null, string? actor = null, CancellationToken cancel = default) =>
        await db.Audit.AsNoTracking()
            .Where(a => a.AgencyCode == agency && (target == null || a.Target == target) && (actor == null || a.Actor == actor))
            .OrderByDescending(a => a.Id).Take(take).ToListAsync(cancel);

    /// <summary>The latest entries of an agency, newest first, optionally for one target.</summary>
    public IReadOnlyList<AuditRow> Recent(string agency, int take = 200, string? target = null, string? actor = null) =>
        db.Audit.AsNoTracking()
            .Where(a => a.AgencyCode == agency && (target == null || a.Target == target) && (actor == null || a.Actor == actor))
            .OrderByDescending(a => a.Id).Take(take).ToList();

    private AuditRow Row(string actor, string agency, string action, string target, string detail) => new()
    {
        AtUtcTicks = time.GetUtcNow().UtcTicks,
        Actor = actor,
        AgencyCode = agency,
        Action = action,
        Target = target,
        Detail = detail,
    };
}
