using Gongkai.Domain.Calendar;
using Gongkai.Persistence;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// The calendar in force for a long-running host: the newest version in the database, kept in memory and re-read when
/// a newer version appears. Several servers share one database, so a server notices another's upload within
/// <see cref="RecheckEvery"/> (one indexed MAX query); its own upload takes effect at once (<see cref="Invalidate"/>).
/// The check runs asynchronously before a request (<see cref="RefreshIfDueAsync"/>), so reading <see cref="Current"/>
/// — what a request's services are given — never touches the database (issue 11: no synchronous calls on requests).
/// </summary>
public sealed class CalendarInForce(TimeProvider time)
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private (int Id, WorkingDayCalendar Calendar)? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The calendar last read (the compiled-in one if the database has none, which only happens before seeding).</summary>
    public WorkingDayCalendar Current
    {
        get
        {
            lock (_gate)
            {
                return _current?.Calendar ?? WorkingDayCalendar.Embedded;
            }
        }
    }

    /// <summary>Re-reads the version in force when the last check is older than <see cref="RecheckEvery"/>.</summary>
    public async Task RefreshIfDueAsync(Func<GongkaiDbContext> db, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        int? cachedId;
        lock (_gate)
        {
            if (now - _checkedAt < RecheckEvery)
            {
                return;
            }

            cachedId = _current?.Id;
        }

        var context = db();
        var id = await CalendarStore.CurrentIdAsync(context, cancellationToken);
        if (id is not null && id != cachedId && await CalendarStore.LoadCurrentAsync(context, cancellationToken) is { } loaded)
        {
            lock (_gate)
            {
                _current = loaded;
            }
        }

        lock (_gate)
        {
            _checkedAt = now;
        }
    }

    /// <summary>Forget the cached version (after this server applied an upload): the next request re-reads it.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _checkedAt = DateTimeOffset.MinValue;
        }
    }
}
