using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// 可能的重复申请: other applications of the same agency by the same applicant (identity number) with the same
/// request text, received within 30 days of this one. Shown to the officer, who decides (a 重复申请 answered under
/// 条例第三十六条第六项 is a separate outcome); never merged automatically, since each is a new application in table 三.
/// </summary>
public sealed class PossibleDuplicates(GongkaiDbContext db)
{
    public const int WindowDays = 30;

    public sealed record Match(Guid Id, string TrackingNumber, DateOnly ReceivedOn);

    public async Task<IReadOnlyList<Match>> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var self = await db.Applications.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.AgencyCode, a.ApplicantIdProof, a.Request, a.FirstReceivedOn }).SingleOrDefaultAsync(cancellationToken);
        if (self is null)
        {
            return [];
        }

        var (from, to) = (self.FirstReceivedOn.AddDays(-WindowDays), self.FirstReceivedOn.AddDays(WindowDays));
        return await db.Applications.AsNoTracking()
            .Where(a => a.AgencyCode == self.AgencyCode && a.Id != id && a.ApplicantIdProof == self.ApplicantIdProof && a.Request == self.Request
                && a.FirstReceivedOn >= from && a.FirstReceivedOn <= to)
            .OrderBy(a => a.FirstReceivedOn)
            .Select(a => new Match(a.Id, a.TrackingNumber, a.FirstReceivedOn))
            .ToListAsync(cancellationToken);
    }
}
