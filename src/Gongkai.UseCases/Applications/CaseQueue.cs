using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// The officer's queue of one agency: filtered (state, applicant category, year of receipt, officer, a search in the
/// tracking number, the applicant's name and the request text), sorted, with the due date and the flags (overdue,
/// due within 3 working days, replied late). The due date comes from the deadline engine (pauses, extensions,
/// corrections), not from a column, so the selected cases are loaded (at most <c>maxRows</c>, earliest received
/// first) and sorted and paged in memory; the page says when the selection was cut.
/// </summary>
public sealed class CaseQueue(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    /// <summary>The sort keys the queue offers (the query string's <c>sort</c>).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> SortKeys =
    [
        ("due", "答复期限"), ("received", "收到日期"), ("number", "受理编号"), ("applicant", "申请人"), ("state", "状态"), ("officer", "承办人"),
    ];

    public sealed record Filter(string? State = null, ApplicantCategory? Category = null, int? Year = null, string? Officer = null, string? Search = null);

    public sealed record Row(
        Guid Id, string TrackingNumber, DateOnly ReceivedOn, string Applicant, string Category, string Request, string State,
        string? Officer, DateOnly? Due, bool Overdue, bool DueSoon, bool LateReply)
    {
        public string ReceivedText => ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>The due date, or why there is none (closed, or the period paused for a correction, 条例第三十条).</summary>
        public string DueText => Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? (State == "已办结" ? "—" : "（待补正，暂停计算）");

        public string Flag => Overdue ? "已逾期" : DueSoon ? "3 个工作日内到期" : LateReply ? "逾期答复" : string.Empty;
    }

    /// <param name="Total">How many cases the filter selects (more than <see cref="Rows"/> when the selection was cut at maxRows).</param>
    public sealed record Result(IReadOnlyList<Row> Rows, int Total);

    public async Task<Result> ListAsync(string agency, Filter filter, string? sort, bool descending, int maxRows, CancellationToken cancel = default)
    {
        var today = ChinaDate.Today(time);
        var soon = WorkingDays.Add(calendar, today, 3);
        var q = Select(db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency), filter);
        var total = await q.CountAsync(cancel);
        var loaded = await new CaseStore(db).LoadAsync(q.OrderBy(a => a.FirstReceivedOn).ThenBy(a => a.TrackingNumber).Take(maxRows), cancel);
        var rows = loaded.Select(pair =>
        {
            var a = pair.Application;
            var due = a.State == ApplicationState.Closed ? null : a.ReplyDeadline(calendar, DeadlinePolicy.Default, today)?.EffectiveDue;
            return new Row(
                a.Id, a.TrackingNumber, a.FirstReceivedOn, a.Applicant.Name, a.Applicant.Category.Column().Label(), a.Request,
                LookUpStatus.StateLabel(a.State), pair.AssignedOfficer, due, due < today, due >= today && due <= soon,
                a.IsLateReply(calendar, DeadlinePolicy.Default));
        });
        return new Result(Sort(rows, sort, descending), total);
    }

    /// <summary>The filter as a query (in the database: the search is a substring match of number, name and request).</summary>
    public static IQueryable<ApplicationRecord> Select(IQueryable<ApplicationRecord> q, Filter filter)
    {
        if (filter.State is null or "" or "open")
        {
            q = q.Where(a => a.State != (int)ApplicationState.Closed);
        }
        else if (Enum.TryParse<ApplicationState>(filter.State, out var state))
        {
            q = q.Where(a => a.State == (int)state);
        }

        if (filter.Category is { } category)
        {
            q = q.Where(a => a.ApplicantCategory == (int)category);
        }

        if (filter.Year is { } year)
        {
            var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            q = q.Where(a => a.FirstReceivedOn >= start && a.FirstReceivedOn <= end);
        }

        if (filter.Officer == "none")
        {
            q = q.Where(a => a.AssignedOfficer == null);
        }
        else if (!string.IsNullOrEmpty(filter.Officer))
        {
            q = q.Where(a => a.AssignedOfficer == filter.Officer);
        }

        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            // Tracking numbers are printed in capitals; an officer may type them in lower case.
            var number = search.ToUpperInvariant();
            q = q.Where(a => a.TrackingNumber.Contains(number) || a.ApplicantName.Contains(search) || a.Request.Contains(search));
        }

        return q;
    }

    /// <summary>Sorted by the key (unknown keys: by due date, soonest first, as the queue opens); ties by tracking number.</summary>
    public static IReadOnlyList<Row> Sort(IEnumerable<Row> rows, string? sort, bool descending)
    {
        IOrderedEnumerable<Row> By<T>(Func<Row, T> key, IComparer<T>? comparer = null) =>
            descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);

        var ordered = sort switch
        {
            "received" => By(r => r.ReceivedOn),
            "number" => By(r => r.TrackingNumber, StringComparer.Ordinal),
            "applicant" => By(r => r.Applicant, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), false)),
            "state" => By(r => r.State, StringComparer.Ordinal),
            "officer" => By(r => r.Officer ?? string.Empty, StringComparer.Ordinal),
            _ => By(r => r.Due ?? DateOnly.MaxValue),
        };
        return ordered.ThenBy(r => r.TrackingNumber, StringComparer.Ordinal).ToList();
    }
}
