using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The officer's queue: applications of the agency, soonest due first, overdue and due within 3 working days
/// flagged; filtered by state (open ones by default), applicant category, year of receipt and officer.
/// </summary>
public sealed class QueueModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options) : PageModel
{
    public sealed record Row(Guid Id, string TrackingNumber, string ReceivedOn, string Category, string State, string? Officer, string? Due, bool Overdue, bool DueSoon, DateOnly SortKey, bool LateReply = false);

    /// <summary>A state, <c>open</c> (default: every state but closed) or <c>all</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public ApplicantCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A user name, <c>none</c> for unassigned cases, or empty for everyone's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Officer { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>How many cases the filters select (more than <see cref="Rows"/> when the list is cut at GongkaiOptions.QueueMaxRows).</summary>
    public int Total { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<StaffUserRow> Officers { get; private set; } = [];

    public void OnGet()
    {
        var agency = User.Agency();
        var today = ChinaDate.Today(time);
        var soon = WorkingDays.Add(calendar, today, 3);
        var q = db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency);
        if (State is null or "" or "open")
        {
            q = q.Where(a => a.State != (int)ApplicationState.Closed);
        }
        else if (Enum.TryParse<ApplicationState>(State, out var state))
        {
            q = q.Where(a => a.State == (int)state);
        }

        if (Category is { } category)
        {
            q = q.Where(a => a.ApplicantCategory == (int)category);
        }

        if (Year is { } year)
        {
            var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            q = q.Where(a => a.FirstReceivedOn >= start && a.FirstReceivedOn <= end);
        }

        if (Officer == "none")
        {
            q = q.Where(a => a.AssignedOfficer == null);
        }
        else if (!string.IsNullOrEmpty(Officer))
        {
            q = q.Where(a => a.AssignedOfficer == Officer);
        }

        Total = q.Count();
        Rows = new CaseStore(db).Load(q.OrderBy(a => a.FirstReceivedOn).Take(options.QueueMaxRows)).Select(loaded =>
            {
                var a = loaded.Application;
                var due = a.State == ApplicationState.Closed ? null : a.ReplyDeadline(calendar, DeadlinePolicy.Default, today)?.EffectiveDue;
                return new Row(
                    a.Id, a.TrackingNumber, a.FirstReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Applicant.Category.Column().Label(),
                    LookUpStatus.StateLabel(a.State), loaded.AssignedOfficer,
                    due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due < today, due >= today && due <= soon, due ?? DateOnly.MaxValue,
                    a.IsLateReply(calendar, DeadlinePolicy.Default));
            })
            .OrderBy(r => r.SortKey).ThenBy(r => r.TrackingNumber, StringComparer.Ordinal)
            .ToList();
        Years = db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency).Select(a => a.FirstReceivedOn.Year).Distinct().OrderByDescending(y => y).ToList();
        Officers = db.StaffUsers.AsNoTracking().Where(u => u.AgencyCode == agency).OrderBy(u => u.UserName).ToList();
    }
}
