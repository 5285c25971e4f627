using Gongkai.Domain.Calendar;
using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// Items of an agency still in review, with the 条例第二十六条 due date (20 working days from 成文日期 or the recorded
/// change): the officers' dashboard flags the overdue ones and those due within 3 working days. 依申请公开/不予公开
/// drafts are listed but never flagged (the 20 days bind only what is proactively disclosed).
/// </summary>
public sealed class PendingPublication(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time)
{
    public sealed record Item(long Id, string IndexNumber, string Title, ReviewState State, DateOnly Start, DateOnly Due, bool Proactive, bool Overdue, bool DueSoon);

    public async Task<IReadOnlyList<Item>> RunAsync(string agency, CancellationToken cancellationToken = default)
    {
        var today = ChinaDate.Today(time);
        var soon = Domain.Deadlines.WorkingDays.Add(calendar, today, 3);
        int[] pending = [(int)ReviewState.Draft, (int)ReviewState.AttributeReview, (int)ReviewState.SecrecyReview, (int)ReviewState.Approval];
        return (await db.Set<RegistryDocumentRow>().AsNoTracking()
            .Where(d => d.AgencyCode == agency && pending.Contains(d.State))
            .Select(d => new { d.Id, d.IndexNumber, d.Title, d.State, d.FormedOn, d.ChangedOn, d.DisclosureMode })
            .ToListAsync(cancellationToken))
            .Select(d =>
            {
                var due = PublicationDeadline.Due(calendar, d.FormedOn, d.ChangedOn);
                var proactive = d.DisclosureMode == (int)DisclosureMode.Proactive;
                var start = d.ChangedOn is { } c && c > d.FormedOn ? c : d.FormedOn;
                return new Item(d.Id, d.IndexNumber, d.Title, (ReviewState)d.State, start, due, proactive, proactive && today > due, proactive && today <= due && due <= soon);
            })
            .OrderBy(i => i.Due).ThenBy(i => i.Id)
            .ToList();
    }
}
