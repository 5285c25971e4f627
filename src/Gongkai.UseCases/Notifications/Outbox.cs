using Gongkai.Persistence;
using Gongkai.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Notifications;

/// <summary>
/// The e-mail queue in the database. Delivery is at least once: a row is claimed with a lease (a conditional update
/// only one sender can win), sent, then marked sent; a sender that dies between sending and marking leaves a lease
/// that expires, and the row is sent again with the same Message-Id (derived from the row), which mail systems use
/// to drop the duplicate. Nothing is lost: the row was committed with the change that caused it.
/// </summary>
public sealed class Outbox(GongkaiDbContext db, TimeProvider time)
{
    public const int MaxAttempts = 8;

    private DbSet<OutboxRow> Rows => db.Set<OutboxRow>();

    /// <summary>A new row for <paramref name="message"/> (not saved: the caller saves it with its own change).</summary>
    public OutboxRow New(MailMessageDraft message)
    {
        var now = time.GetUtcNow().UtcTicks;
        return new OutboxRow
        {
            DedupKey = message.DedupKey,
            Agency = message.Agency,
            TrackingNumber = message.TrackingNumber,
            To = message.To,
            Subject = message.Subject,
            Body = message.Body,
            CreatedAtUtcTicks = now,
            NextAttemptAtUtcTicks = now,
        };
    }

    /// <summary>Queues a message on its own; a message already queued under the same key is not queued again.</summary>
    public async Task<bool> EnqueueAsync(MailMessageDraft message, CancellationToken cancellationToken = default)
    {
        if (await Rows.AnyAsync(r => r.DedupKey == message.DedupKey, cancellationToken))
        {
            return false;
        }

        Rows.Add(New(message));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Claims up to <paramref name="take"/> due rows for <paramref name="owner"/> for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(string owner, int take, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        var until = now + lease.Ticks;
        var candidates = await Rows.AsNoTracking()
            .Where(r => r.SentAtUtcTicks == null && r.FailedAtUtcTicks == null && r.NextAttemptAtUtcTicks <= now && (r.LeaseUntilUtcTicks == null || r.LeaseUntilUtcTicks < now))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(take).ToListAsync(cancellationToken);
        var claimed = new List<OutboxRow>();
        foreach (var id in candidates)
        {
            var won = await Rows.Where(r => r.Id == id && r.SentAtUtcTicks == null && (r.LeaseUntilUtcTicks == null || r.LeaseUntilUtcTicks < now))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntilUtcTicks, until), cancellationToken);
            if (won == 1)
            {
                claimed.Add(await Rows.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken));
            }
        }

        return claimed;
    }

    public async Task MarkSentAsync(long id, string owner, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        await Rows.Where(r => r.Id == id && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SentAtUtcTicks, now).SetProperty(r => r.LeaseUntilUtcTicks, (long?)null).SetProperty(r => r.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Records a failed attempt: retried after 1, 2, 4 … minutes (at most 6 hours); given up after <see cref="MaxAttempts"/>.</summary>
    public async Task MarkFailedAsync(OutboxRow row, string owner, string error, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var attempts = row.Attempts + 1;
        var delay = TimeSpan.FromMinutes(Math.Min(Math.Pow(2, attempts - 1), 360));
        long? failed = attempts >= MaxAttempts ? now.UtcTicks : null;
        var text = error.Length > 1000 ? error[..1000] : error;
        await Rows.Where(r => r.Id == row.Id && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Attempts, attempts)
                .SetProperty(r => r.NextAttemptAtUtcTicks, (now + delay).UtcTicks)
                .SetProperty(r => r.LeaseUntilUtcTicks, (long?)null)
                .SetProperty(r => r.FailedAtUtcTicks, failed)
                .SetProperty(r => r.LastError, text), cancellationToken);
    }

    /// <summary>Messages of an agency that failed at least once and are not sent, newest first (for the officers' page).</summary>
    public async Task<IReadOnlyList<OutboxRow>> ProblemsAsync(string agency, int take = 200, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().Where(r => r.Agency == agency && r.SentAtUtcTicks == null && r.LastError != null)
            .OrderByDescending(r => r.Id).Take(take).ToListAsync(cancellationToken);

    /// <summary>Counts of an agency's messages: sent, waiting, failed for good.</summary>
    public async Task<(int Sent, int Waiting, int Failed)> CountsAsync(string agency, CancellationToken cancellationToken = default)
    {
        var q = Rows.AsNoTracking().Where(r => r.Agency == agency);
        return (await q.CountAsync(r => r.SentAtUtcTicks != null, cancellationToken),
            await q.CountAsync(r => r.SentAtUtcTicks == null && r.FailedAtUtcTicks == null, cancellationToken),
            await q.CountAsync(r => r.FailedAtUtcTicks != null, cancellationToken));
    }
}
