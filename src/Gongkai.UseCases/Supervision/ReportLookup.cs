using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>An agency's report for a year, wherever it is: its latest published version, else its current collected reading.</summary>
public static class ReportLookup
{
    public static async Task<AnnualReport?> FindAsync(GongkaiDbContext db, string agency, int year, CancellationToken cancellationToken = default)
    {
        var published = await db.ReportVersions.AsNoTracking()
            .Where(v => v.AgencyCode == agency && v.Year == year)
            .OrderByDescending(v => v.Number)
            .Select(v => v.Json)
            .FirstOrDefaultAsync(cancellationToken);
        var json = published ?? await db.CollectedReports.AsNoTracking()
            .Where(r => r.AgencyCode == agency && r.Year == year && r.Current)
            .Select(r => r.Json)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : CanonicalJsonReader.Read(json).Report;
    }
}
