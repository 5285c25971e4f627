using Gongkai.Domain.Calendar;
using Gongkai.Persistence;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// The calendar in force for a long-running host: the newest version in the database, kept in memory and re-read when
/// a newer version appears. Several servers share one database, so a server notices another's upload within
/// <see cref="RecheckEvery"/> (one indexed MAX query); its own upload takes effect at once.
/// </summary>
public sealed class CalendarInForce(TimeProvider time)
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private (int Id, WorkingDayCalendar Calendar)? _current;
    private DateTimeOffset _checkedAt = DateTimeOffset.MinValue;

    /// <summary>The calendar in force (the compiled-in one if the database has none, which only happens before seeding).</summary>
    public WorkingDayCalendar Get(GongkaiDbContext db)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_current is { } cached && now - _checkedAt < RecheckEvery)
            {
                return cached.Calendar;
            }
        }

        var id = CalendarStore.CurrentId(db);
        lock (_gate)
        {
            _checkedAt = now;
            if (_current is { } cached && cached.Id == id)
            {
                return cached.Calendar;
            }
        }

        var loaded = CalendarStore.LoadCurrent(db);
        if (loaded is null)
        {
            return WorkingDayCalendar.Embedded;
        }

        lock (_gate)
        {
            _current = loaded;
            return loaded.Value.Calendar;
        }
    }

    /// <summary>Forget the cached version (after this server applied an upload).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _checkedAt = DateTimeOffset.MinValue;
        }
    }
}
