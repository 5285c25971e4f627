using Gongkai.Domain.Applications;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>
/// Files a new application at most once per idempotency key: the unique index on the key decides between two
/// concurrent submissions of the same form, and the loser gets the winner's application.
/// </summary>
public sealed class IntakeStore(GongkaiDbContext db)
{
    /// <summary>The application filed under <paramref name="keyHash"/>, if any.</summary>
    public async Task<DisclosureApplication?> FindByKeyAsync(string keyHash, CancellationToken cancellationToken = default)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.IdempotencyKey == keyHash, cancellationToken);
        return row is null ? null : ApplicationMapping.ToDomain(row);
    }

    /// <summary>One application with its history.</summary>
    public async Task<DisclosureApplication?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null ? null : ApplicationMapping.ToDomain(row);
    }

    /// <summary>
    /// Adds the application (and <paramref name="alongWith"/>, atomically). Returns the application filed: this one,
    /// or the one already filed under the same key; null when its tracking number was already issued (the caller
    /// draws another).
    /// </summary>
    public async Task<DisclosureApplication?> AddAsync(
        DisclosureApplication application, string? accessCodeHash, string? assignedOfficer, string? keyHash, IEnumerable<object>? alongWith = null, CancellationToken cancellationToken = default)
    {
        var row = new ApplicationRecord { AccessCodeHash = accessCodeHash, AssignedOfficer = assignedOfficer, IdempotencyKey = keyHash };
        ApplicationMapping.CopyTo(application, row);
        db.Applications.Add(row);
        // Saved in the same transaction (e.g. the acknowledgment e-mail): both or neither.
        db.AddRange(alongWith ?? []);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return application;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (keyHash is not null && await FindByKeyAsync(keyHash, cancellationToken) is { } first)
            {
                return first;
            }

            if (await db.Applications.AsNoTracking().AnyAsync(a => a.TrackingNumber == application.TrackingNumber && a.Id != application.Id, cancellationToken))
            {
                return null;
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
