using System.Globalization;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>The officer's queue: open applications of the agency, soonest due first, overdue and due within 3 working days flagged.</summary>
public sealed class QueueModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time) : PageModel
{
    public sealed record Row(string TrackingNumber, string ReceivedOn, string State, string? Due, bool Overdue, bool DueSoon, DateOnly SortKey);

    [BindProperty(SupportsGet = true)]
    public ApplicationState? State { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public void OnGet()
    {
        var agency = User.FindFirst("agency")?.Value ?? string.Empty;
        var today = ChinaDate.Today(time);
        var soon = WorkingDays.Add(calendar, today, 3);
        var ids = db.Applications.AsNoTracking()
            .Where(a => a.AgencyCode == agency && a.State != (int)ApplicationState.Closed && (State == null || a.State == (int)State))
            .Select(a => a.Id).ToList();
        var store = new CaseStore(db);
        Rows = ids.Select(id => store.Get(id)!)
            .Select(a =>
            {
                var due = a.ReplyDeadline(calendar, DeadlinePolicy.Default, today)?.EffectiveDue;
                return new Row(
                    a.TrackingNumber, a.FirstReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), LookUpStatus.StateLabel(a.State),
                    due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due < today, due >= today && due <= soon, due ?? DateOnly.MaxValue);
            })
            .OrderBy(r => r.SortKey)
            .ToList();
    }
}
