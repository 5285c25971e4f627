using Gongkai.Domain.Applications;
using Gongkai.Domain.Reports;
using Gongkai.Domain.Reviews;
using Gongkai.Domain.Statistics;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>
/// Applications and review cases in the database. Saving checks the version the case was loaded at
/// (optimistic concurrency): of two officers saving the same case, the second gets <see cref="SaveOutcome.Conflict"/>
/// and nothing of either is lost — the first's change is stored, the second reloads and redoes.
/// </summary>
public sealed class CaseStore(GongkaiDbContext db)
{
    // The public status lookup is the hottest query: compiled once per provider's context type (a compiled
    // query is bound to one model), so a request skips EF's query-cache lookup.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<GongkaiDbContext, string, ApplicationRecord?>> ByTrackingNumberQueries = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<GongkaiDbContext, string, CancellationToken, Task<ApplicationRecord?>>> ByTrackingNumberAsyncQueries = new();


    /// <param name="kind">An <see cref="Gongkai.Domain.Organisation.AgencyKind"/>; a department when not given.</param>
    public void AddAgency(string code, string name, string? parent = null, Gongkai.Domain.Organisation.AgencyKind? kind = null)
    {
        if (db.Agencies.Find(code) is null)
        {
            db.Agencies.Add(new AgencyRow { Code = code, Name = name, ParentCode = parent, Kind = (int)(kind ?? Gongkai.Domain.Organisation.AgencyKind.Department) });
            db.SaveChanges();
        }
    }

    public IReadOnlyList<AgencyRow> Agencies() => db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToList();

    public void Add(DisclosureApplication application, string? accessCodeHash = null, string? assignedOfficer = null)
    {
        var row = new ApplicationRecord { AccessCodeHash = accessCodeHash, AssignedOfficer = assignedOfficer };
        ApplicationMapping.CopyTo(application, row);
        db.Applications.Add(row);
        db.SaveChanges();
        db.ChangeTracker.Clear();
    }

    /// <summary>Adds many applications in one transaction (demo data, imports), with their officers where <paramref name="assign"/> names one.</summary>
    public void AddRange(IEnumerable<DisclosureApplication> applications, IEnumerable<ReviewCase>? reviews = null, IReadOnlyDictionary<Guid, string?>? assign = null)
    {
        // A retrying execution strategy (PostgreSQL) refuses a user transaction outside it; the whole unit is retried.
        var all = applications as IReadOnlyCollection<DisclosureApplication> ?? applications.ToList();
        var allReviews = reviews as IReadOnlyCollection<ReviewCase> ?? (reviews ?? []).ToList();
        db.Database.CreateExecutionStrategy().Execute(() => AddRangeOnce(all, allReviews, assign));
    }

    private void AddRangeOnce(IEnumerable<DisclosureApplication> applications, IEnumerable<ReviewCase>? reviews, IReadOnlyDictionary<Guid, string?>? assign)
    {
        db.ChangeTracker.Clear();
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var transaction = db.Database.BeginTransaction();
        var batch = 0;
        foreach (var application in applications)
        {
            var row = new ApplicationRecord { AssignedOfficer = assign?.GetValueOrDefault(application.Id) };
            ApplicationMapping.CopyTo(application, row);
            db.Applications.Add(row);
            if (++batch % 2000 == 0)
            {
                db.SaveChanges();
                db.ChangeTracker.Clear();
            }
        }

        foreach (var review in reviews ?? [])
        {
            db.Reviews.Add(ToRow(review));
        }

        db.SaveChanges();
        transaction.Commit();
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = previous;
    }

    public DisclosureApplication? Get(Guid id)
    {
        var row = db.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery().SingleOrDefault(a => a.Id == id);
        return row is null ? null : ApplicationMapping.ToDomain(row);
    }

    /// <summary>The cases a query selects, with their histories and assigned officers.</summary>
    public IReadOnlyList<(DisclosureApplication Application, string? AssignedOfficer)> Load(IQueryable<ApplicationRecord> query) =>
        query.Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery().AsNoTracking().ToList()
            .Select(r => (ApplicationMapping.ToDomain(r), r.AssignedOfficer)).ToList();

    /// <summary>Async <see cref="Load"/>.</summary>
    public async Task<IReadOnlyList<(DisclosureApplication Application, string? AssignedOfficer)>> LoadAsync(IQueryable<ApplicationRecord> query, CancellationToken cancel = default) =>
        (await query.Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery().AsNoTracking().ToListAsync(cancel))
            .Select(r => (ApplicationMapping.ToDomain(r), r.AssignedOfficer)).ToList();

    /// <summary>One round trip: the case with its history, and the stored access-code hash.</summary>
    public (DisclosureApplication Application, string? AccessCodeHash)? FindByTrackingNumber(string trackingNumber)
    {
        var query = ByTrackingNumberQueries.GetOrAdd(db.GetType(), _ => EF.CompileQuery(
            (GongkaiDbContext context, string number) => context.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Pauses)
                .AsSingleQuery().SingleOrDefault(a => a.TrackingNumber == number)));
        var row = query(db, trackingNumber);
        return row is null ? null : (ApplicationMapping.ToDomain(row), row.AccessCodeHash);
    }

    /// <summary>Saves a changed case if nobody else saved it since it was loaded at <paramref name="loadedVersion"/>.</summary>
    public SaveOutcome Save(DisclosureApplication application, int loadedVersion)
    {
        var row = db.Applications.Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery().SingleOrDefault(a => a.Id == application.Id);
        if (row is null)
        {
            return SaveOutcome.NotFound;
        }

        if (row.Version != loadedVersion)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }

        db.Entry(row).Property(r => r.Version).OriginalValue = loadedVersion;
        ApplicationMapping.CopyTo(application, row);
        try
        {
            db.SaveChanges();
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException) when (VersionMoved(application.Id, loadedVersion))
        {
            // Two saves of one case both append history row n+1: the unique (application, sequence) index fires
            // before the version check can, so the loser sees a unique violation. The case moved on: a conflict.
            return SaveOutcome.Conflict;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Async <see cref="Save"/>: request paths must not block a thread-pool thread on the database.</summary>
    public async Task<SaveOutcome> SaveAsync(DisclosureApplication application, int loadedVersion, CancellationToken cancel = default)
    {
        var row = await db.Applications.Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == application.Id, cancel);
        if (row is null)
        {
            return SaveOutcome.NotFound;
        }

        if (row.Version != loadedVersion)
        {
            db.ChangeTracker.Clear();
            return SaveOutcome.Conflict;
        }

        db.Entry(row).Property(r => r.Version).OriginalValue = loadedVersion;
        ApplicationMapping.CopyTo(application, row);
        try
        {
            await db.SaveChangesAsync(cancel);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException) when (VersionMoved(application.Id, loadedVersion))
        {
            return SaveOutcome.Conflict;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether the stored case is no longer at <paramref name="loadedVersion"/> (someone else saved it).</summary>
    private bool VersionMoved(Guid id, int loadedVersion)
    {
        db.ChangeTracker.Clear();
        return db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.Version).SingleOrDefault() != loadedVersion;
    }

    /// <summary>Async <see cref="Get"/>.</summary>
    public async Task<DisclosureApplication?> GetAsync(Guid id, CancellationToken cancel = default)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Pauses).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, cancel);
        return row is null ? null : ApplicationMapping.ToDomain(row);
    }

    /// <summary>Async <see cref="FindByTrackingNumber"/> (the public status lookup).</summary>
    public async Task<(DisclosureApplication Application, string? AccessCodeHash)?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancel = default)
    {
        var query = ByTrackingNumberAsyncQueries.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery(
            (GongkaiDbContext context, string number, CancellationToken token) => context.Applications.AsNoTracking().Include(a => a.Events).Include(a => a.Pauses)
                .AsSingleQuery().SingleOrDefault(a => a.TrackingNumber == number)));
        var row = await query(db, trackingNumber, cancel);
        return row is null ? null : (ApplicationMapping.ToDomain(row), row.AccessCodeHash);
    }

    /// <summary>Async <see cref="Add"/>; a tracking number already taken is reported as false, not thrown (the caller draws another).</summary>
    public async Task<bool> TryAddAsync(DisclosureApplication application, string? accessCodeHash = null, string? assignedOfficer = null, CancellationToken cancel = default)
    {
        var row = new ApplicationRecord { AccessCodeHash = accessCodeHash, AssignedOfficer = assignedOfficer };
        ApplicationMapping.CopyTo(application, row);
        db.Applications.Add(row);
        try
        {
            await db.SaveChangesAsync(cancel);
            return true;
        }
        catch (DbUpdateException) when (TrackingNumberTaken(application.TrackingNumber, application.Id))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private bool TrackingNumberTaken(string trackingNumber, Guid id)
    {
        db.ChangeTracker.Clear();
        return db.Applications.AsNoTracking().Any(a => a.TrackingNumber == trackingNumber && a.Id != id);
    }

    /// <summary>The officer handling a case (user name), or null.</summary>
    public string? AssignedOfficer(Guid id) => db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => a.AssignedOfficer).SingleOrDefault();

    /// <summary>Assigns a case to an officer (null: unassigned). Returns false when there is no such case.</summary>
    public bool Assign(Guid id, string? officer) =>
        db.Applications.Where(a => a.Id == id).ExecuteUpdate(s => s.SetProperty(a => a.AssignedOfficer, officer)) == 1;

    /// <summary>Records the result of a reconsideration or lawsuit (or re-opens it as pending).</summary>
    public async Task<bool> RecordReviewResultAsync(Guid id, string agency, ReviewResult result, DateOnly? decidedOn, CancellationToken cancel = default) =>
        await db.Reviews.Where(r => r.Id == id && r.AgencyCode == agency)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Result, (int)result).SetProperty(r => r.DecidedOn, decidedOn), cancel) == 1;

    public async Task AddReviewAsync(ReviewCase review, CancellationToken cancel = default)
    {
        db.Reviews.Add(ToRow(review));
        await db.SaveChangesAsync(cancel);
        db.ChangeTracker.Clear();
    }

    public IReadOnlyList<ReviewCase> Reviews(string agency) => db.Reviews.AsNoTracking().Where(r => r.AgencyCode == agency).ToList()
        .Select(ToDomain).ToList();

    /// <summary>Async <see cref="Reviews"/> (the report workspace and the review pages).</summary>
    public async Task<IReadOnlyList<ReviewCase>> ReviewsAsync(string agency, CancellationToken cancel = default) =>
        (await db.Reviews.AsNoTracking().Where(r => r.AgencyCode == agency).ToListAsync(cancel)).Select(ToDomain).ToList();

    private static ReviewCase ToDomain(ReviewRow r) =>
        new(r.Id, r.AgencyCode, r.ApplicationId, (ReviewKind)r.Kind, r.FiledOn, (ReviewResult)r.Result, r.DecidedOn, r.CoDefendant);

    /// <summary>
    /// Tables 三 and 四 for an agency and year, aggregated in the database (GROUP BY, not rows in memory):
    /// new, carried over, outcome and carried forward counts by applicant category.
    /// </summary>
    public async Task<AnnualReport> AnnualTablesAsync(string agency, int year, ReportEdition? edition = null, CancellationToken cancel = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var inAgency = db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency);
        var received = await inAgency.Where(a => a.FirstReceivedOn >= start && a.FirstReceivedOn <= end)
            .GroupBy(a => a.ApplicantCategory).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancel);
        // "Open at a date" is split in two so each half is a range scan of the decided_on index.
        var carriedOver = (await inAgency.Where(a => a.DecidedOn >= start && a.FirstReceivedOn < start)
            .GroupBy(a => a.ApplicantCategory).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancel))
            .Concat(await inAgency.Where(a => a.DecidedOn == null && a.FirstReceivedOn < start)
                .GroupBy(a => a.ApplicantCategory).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancel))
            .ToList();
        var decided = await inAgency.Where(a => a.DecidedOn >= start && a.DecidedOn <= end && a.Outcome != null)
            .GroupBy(a => new { a.ApplicantCategory, a.Outcome }).Select(g => new { g.Key.ApplicantCategory, g.Key.Outcome, Count = g.Count() }).ToListAsync(cancel);
        var carriedForward = (await inAgency.Where(a => a.DecidedOn > end && a.FirstReceivedOn <= end)
            .GroupBy(a => a.ApplicantCategory).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancel))
            .Concat(await inAgency.Where(a => a.DecidedOn == null && a.FirstReceivedOn <= end)
                .GroupBy(a => a.ApplicantCategory).Select(g => new { Category = g.Key, Count = g.Count() }).ToListAsync(cancel))
            .ToList();

        var report = new AnnualReport(edition ?? ReportEditions.ExpectedFor(year) ?? ReportEdition.Edition2021) { Year = year };
        foreach (var row in report.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                report.SetApplications(row.Key!, column, 0);
            }
        }

        void Add(string row, int category, int count)
        {
            foreach (var column in new[] { ((ApplicantCategory)category).Column(), ApplicantColumn.Total })
            {
                report.SetApplications(row, column, report.GetApplications(row, column)!.Value + count);
            }
        }

        received.ForEach(x => Add(ApplicationKeys.NewReceived, x.Category, x.Count));
        carriedOver.ForEach(x => Add(ApplicationKeys.CarriedOver, x.Category, x.Count));
        carriedForward.ForEach(x => Add(ApplicationKeys.CarriedForward, x.Category, x.Count));
        foreach (var x in decided)
        {
            Add(((Outcome)x.Outcome!.Value).RowKey(report.Edition), x.ApplicantCategory, x.Count);
            Add(ApplicationKeys.OutcomeTotal, x.ApplicantCategory, x.Count);
        }

        var (reviewTables, _) = Domain.Statistics.AnnualTables.Compute(agency, year, [], await ReviewsAsync(agency, cancel), report.Edition);
        foreach (var column in report.Schema.ReviewColumns)
        {
            report.SetReview(column.Key, reviewTables.GetReview(column.Key));
        }

        return report;
    }

    /// <summary>Drill-down: the applications a table 三 cell counts.</summary>
    public async Task<IReadOnlyList<(Guid Id, string TrackingNumber)>> CasesInCellAsync(string agency, int year, string rowKey, ApplicantColumn column, CancellationToken cancel = default)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var q = db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency);
        if (column != ApplicantColumn.Total)
        {
            var category = (int)Enum.GetValues<ApplicantCategory>().Single(c => c.Column() == column);
            q = q.Where(a => a.ApplicantCategory == category);
        }

        q = rowKey switch
        {
            ApplicationKeys.NewReceived => q.Where(a => a.FirstReceivedOn >= start && a.FirstReceivedOn <= end),
            ApplicationKeys.CarriedOver => q.Where(a => a.FirstReceivedOn < start && (a.DecidedOn == null || a.DecidedOn >= start)),
            ApplicationKeys.CarriedForward => q.Where(a => a.FirstReceivedOn <= end && (a.DecidedOn == null || a.DecidedOn > end)),
            ApplicationKeys.OutcomeTotal => q.Where(a => a.DecidedOn >= start && a.DecidedOn <= end && a.Outcome != null),
            _ => OutcomeFilter(q.Where(a => a.DecidedOn >= start && a.DecidedOn <= end), rowKey, ReportEditions.ExpectedFor(year) ?? ReportEdition.Edition2021),
        };
        return (await q.OrderBy(a => a.TrackingNumber).Select(a => new { a.Id, a.TrackingNumber }).ToListAsync(cancel)).Select(x => (x.Id, x.TrackingNumber)).ToList();
    }

    private static IQueryable<ApplicationRecord> OutcomeFilter(IQueryable<ApplicationRecord> q, string rowKey, ReportEdition edition)
    {
        var outcomes = Enum.GetValues<Outcome>().Where(o => o.RowKey(edition) == rowKey).Select(o => (int?)o).ToArray();
        return q.Where(a => outcomes.Contains(a.Outcome));
    }

    private static ReviewRow ToRow(ReviewCase r) => new()
    {
        Id = r.Id,
        AgencyCode = r.AgencyCode,
        ApplicationId = r.ApplicationId,
        Kind = (int)r.Kind,
        FiledOn = r.FiledOn,
        Result = (int)r.Result,
        DecidedOn = r.DecidedOn,
        CoDefendant = r.AgencyIsReconsiderationBodyCoDefendant,
    };
}
