using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.Persistence.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// The working-day calendar kept in the database, versioned: the newest version is in force, every earlier one stays
/// as history. The calendar compiled in (or the file Gongkai:Calendar names) seeds version 1 on the first start.
/// </summary>
public static class CalendarStore
{
    /// <summary>One version as the history lists it.</summary>
    public sealed record Version(int Id, DateTimeOffset AppliedAt, string AppliedBy, string Source, string UploadedYears, string CoveredYears, int Rows);

    /// <summary>What applying an upload did.</summary>
    public sealed record Applied(int VersionId, int OpenCases, int DueDatesChanged);

    /// <summary>The id of the version in force, or null before the first start has seeded one.</summary>
    public static Task<int?> CurrentIdAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        db.Set<CalendarVersionRow>().MaxAsync(v => (int?)v.Id, cancellationToken);

    /// <summary>The calendar of the version in force, or null when none is stored yet.</summary>
    public static async Task<(int Id, WorkingDayCalendar Calendar)?> LoadCurrentAsync(GongkaiDbContext db, CancellationToken cancellationToken = default)
    {
        if (await CurrentIdAsync(db, cancellationToken) is not { } id)
        {
            return null;
        }

        var version = await db.Set<CalendarVersionRow>().AsNoTracking().SingleAsync(v => v.Id == id, cancellationToken);
        var entries = (await db.Set<CalendarDayRow>().AsNoTracking().Where(d => d.VersionId == id).ToListAsync(cancellationToken))
            .Select(d => new CalendarEntry(d.Date, (CalendarDayKind)d.Kind, d.Name));
        return (id, WorkingDayCalendar.From(entries, $"数据库日历第 {id} 版（{version.Source}）"));
    }

    /// <summary>Stores <paramref name="seed"/> as version 1 when the database holds no calendar yet.</summary>
    public static async Task EnsureSeededAsync(GongkaiDbContext db, WorkingDayCalendar seed, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (await db.Set<CalendarVersionRow>().AnyAsync(cancellationToken))
        {
            return;
        }

        await AddAsync(db, seed.Entries, "system", seed.Version, seed.KnownYears, seed.KnownYears, time, cancellationToken);
    }

    /// <summary>
    /// Stores a checked upload as the new version in force, in one transaction. Due dates are derived on read from
    /// the calendar in force, so every open case's due date follows; the count of those that moved is returned so
    /// the administrator sees the effect (every agency's: the calendar is the installation's).
    /// </summary>
    public static async Task<Applied> ApplyAsync(GongkaiDbContext db, CalendarUpload.Check check, WorkingDayCalendar current, string actor, string source, TimeProvider time, CancellationToken cancellationToken = default)
    {
        if (!check.Ok)
        {
            throw new InvalidOperationException("A calendar upload with problems cannot be applied.");
        }

        var id = await AddAsync(db, check.Merged, actor, source, check.UploadedYears, check.CoveredYears, time, cancellationToken);
        var next = WorkingDayCalendar.From(check.Merged, source);
        var today = Time.ChinaDate.Today(time);
        var open = await new CaseStore(db).LoadAsync(db.Applications.IgnoreQueryFilters().AsNoTracking().Where(a => a.State != (int)ApplicationState.Closed), cancellationToken);
        var changed = open.Count(c =>
            c.Application.ReplyDeadline(current, DeadlinePolicy.Default, today)?.EffectiveDue !=
            c.Application.ReplyDeadline(next, DeadlinePolicy.Default, today)?.EffectiveDue);
        return new Applied(id, open.Count, changed);
    }

    /// <summary>Every version, newest first.</summary>
    public static async Task<IReadOnlyList<Version>> HistoryAsync(GongkaiDbContext db, CancellationToken cancellationToken = default) =>
        (await db.Set<CalendarVersionRow>().AsNoTracking().OrderByDescending(v => v.Id)
            .Select(v => new { v, Rows = db.Set<CalendarDayRow>().Count(d => d.VersionId == v.Id) })
            .ToListAsync(cancellationToken))
            .Select(x => new Version(x.v.Id, new DateTimeOffset(x.v.AppliedAtUtcTicks, TimeSpan.Zero), x.v.AppliedBy, x.v.Source, x.v.UploadedYears, x.v.CoveredYears, x.Rows))
            .ToList();

    private static async Task<int> AddAsync(GongkaiDbContext db, IEnumerable<CalendarEntry> entries, string actor, string source, IEnumerable<int> uploaded, IEnumerable<int> covered, TimeProvider time, CancellationToken cancellationToken)
    {
        var row = new CalendarVersionRow
        {
            AppliedAtUtcTicks = time.GetUtcNow().UtcTicks,
            AppliedBy = actor,
            Source = source.Length > 200 ? source[..200] : source,
            UploadedYears = Join(uploaded),
            CoveredYears = Join(covered),
            Days = entries.Select(e => new CalendarDayRow { Date = e.Date, Kind = (int)e.Kind, Name = e.Name }).ToList(),
        };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return row.Id;
    }

    private static string Join(IEnumerable<int> years) => string.Join(",", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
