using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Attachments;

/// <summary>The applicant's key to a case: tracking number and access code. A wrong code and an unknown number look the same.</summary>
public sealed class ApplicantAccess(GongkaiDbContext db, string accessCodeSecret)
{
    /// <param name="ReplyIssued">Whether the reply is issued (the case is closed): the reply documents are the applicant's only then.</param>
    public sealed record Case(Guid Id, string AgencyCode, string TrackingNumber, bool ReplyIssued = false);

    public async Task<Case?> FindAsync(string trackingNumber, string? accessCode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(accessCode) || trackingNumber.Length > 64)
        {
            return null;
        }

        var row = await db.Applications.AsNoTracking().Where(a => a.TrackingNumber == trackingNumber)
            .Select(a => new { a.Id, a.AgencyCode, a.AccessCodeHash, a.State }).SingleOrDefaultAsync(cancellationToken);
        return row is not null && AccessCodes.Matches(accessCodeSecret, trackingNumber, accessCode, row.AccessCodeHash)
            ? new Case(row.Id, row.AgencyCode, trackingNumber, row.State == (int)Domain.Applications.ApplicationState.Closed)
            : null;
    }
}
