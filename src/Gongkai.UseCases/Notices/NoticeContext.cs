using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Notices;

/// <summary>
/// What a notice needs beyond the case: the agency's name, the calendar (the extension notice states the new due
/// date), the bodies the reply letter names for 行政复议 and 行政诉讼, and the reply documents it lists as attachments.
/// </summary>
public sealed record NoticeContext(string AgencyName, WorkingDayCalendar Calendar, string ReconsiderationBody, string Court, IReadOnlyList<string> ReplyFiles)
{
    /// <summary>Reads the agency, its parent and the case's live reply documents.</summary>
    public static async Task<NoticeContext> LoadAsync(GongkaiDbContext db, WorkingDayCalendar calendar, LetterSettings letters, DisclosureApplication a, CancellationToken cancel = default)
    {
        var agency = await db.Agencies.AsNoTracking().Where(x => x.Code == a.AgencyCode).Select(x => new { x.Name, x.ParentCode }).SingleOrDefaultAsync(cancel);
        var parent = agency?.ParentCode is { } parentCode
            ? await db.Agencies.AsNoTracking().Where(x => x.Code == parentCode).Select(x => x.Name).SingleOrDefaultAsync(cancel)
            : null;
        var files = await db.Set<AttachmentRow>().AsNoTracking()
            .Where(x => x.ApplicationId == a.Id && x.Purpose == (int)AttachmentPurpose.Reply && x.DeletedAtUtcTicks == null)
            .OrderBy(x => x.AddedAtUtcTicks).Select(x => x.FileName).ToListAsync(cancel);
        var (body, court) = letters.For(a.AgencyCode, parent);
        return new NoticeContext(agency?.Name ?? a.AgencyCode, calendar, body, court, files);
    }
}
