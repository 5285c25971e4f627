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
    public static int? CurrentId(GongkaiDbContext db) =>
        db.Set<CalendarVersionRow>().Max(v => (int?)v.Id);

    /// <summary>The calendar of the version in force, or null when none is stored yet.</summary>
    public static (int Id, WorkingDayCalendar Calendar)? LoadCurrent(GongkaiDbContext db)
    {
        if (CurrentId(db) is not { } id)
        {
            return null;
        }

        var version = db.Set<CalendarVersionRow>().AsNoTracking().Single(v => v.Id == id);
        var entries = db.Set<CalendarDayRow>().AsNoTracking().Where(d => d.VersionId == id).ToList()
            .Select(d => new CalendarEntry(d.Date, (CalendarDayKind)d.Kind, d.Name));
        return (id, WorkingDayCalendar.From(entries, $"数据库日历第 {id} 版（{version.Source}）"));
    }

    /// <summary>Stores <paramref name="seed"/> as version 1 when the database holds no calendar yet.</summary>
    public static void EnsureSeeded(GongkaiDbContext db, WorkingDayCalendar seed, TimeProvider time)
    {
        if (db.Set<CalendarVersionRow>().Any())
        {
            return;
        }

        Add(db, seed.Entries, "system", seed.Version, seed.KnownYears, seed.KnownYears, time);
    }

    /// <summary>
    /// Stores a checked upload as the new version in force, in one transaction. Due dates are derived on read from
    /// the calendar in force, so every open case's due date follows; the count of those that moved is returned so
    /// the administrator sees the effect (every agency's: the calendar is the installation's).
    /// </summary>
    public static Applied Apply(GongkaiDbContext db, CalendarUpload.Check check, WorkingDayCalendar current, string actor, string source, TimeProvider time)
    {
        if (!check.Ok)
        {
            throw new InvalidOperationException("A calendar upload with problems cannot be applied.");
        }

        var id = Add(db, check.Merged, actor, source, check.UploadedYears, check.CoveredYears, time);
        var next = WorkingDayCalendar.From(check.Merged, source);
        var today = Time.ChinaDate.Today(time);
        var open = new CaseStore(db).Load(db.Applications.IgnoreQueryFilters().AsNoTracking().Where(a => a.State != (int)ApplicationState.Closed));
        var changed = open.Count(c =>
            c.Application.ReplyDeadline(current, DeadlinePolicy.Default, today)?.EffectiveDue !=
            c.Application.ReplyDeadline(next, DeadlinePolicy.Default, today)?.EffectiveDue);
        return new Applied(id, open.Count, changed);
    }

    /// <summary>Every version, newest first.</summary>
    public static IReadOnlyList<Version> History(GongkaiDbContext db) =>
        db.Set<CalendarVersionRow>().AsNoTracking().OrderByDescending(v => v.Id)
            .Select(v => new { v, Rows = db.Set<CalendarDayRow>().Count(d => d.VersionId == v.Id) })
            .AsEnumerable()
            .Select(x => new Version(x.v.Id, new DateTimeOffset(x.v.AppliedAtUtcTicks, TimeSpan.Zero), x.v.AppliedBy, x.v.Source, x.v.UploadedYears, x.v.CoveredYears, x.Rows))
            .ToList();

    private static int Add(GongkaiDbContext db, IEnumerable<CalendarEntry> entries, string actor, string source, IEnumerable<int> uploaded, IEnumerable<int> covered, TimeProvider time)
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
        db.SaveChanges();
        db.ChangeTracker.Clear();
        return row.Id;
    }

    private static string Join(IEnumerable<int> years) => string.Join(",", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
}
