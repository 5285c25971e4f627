using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Validation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// A published annual report as the supervisor's overview judges it: its latest version checked against last year's
/// latest published version, as the overview's summary counts errors and warnings — so the list a supervisor opens
/// says what the counts counted. Reads only; who may read which agency is the caller's to decide.
/// </summary>
public static class PublishedReportCheck
{
    /// <summary>The report checked.</summary>
    /// <param name="Number">The version checked (1 for the first publication, 2 for the first correction …).</param>
    /// <param name="Diagnostics">The validator's findings, in the validator's order.</param>
    public sealed record Result(AnnualReport Report, int Number, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>The check of <paramref name="agency"/>'s report for <paramref name="year"/>, or null when none is published.</summary>
    public static async Task<Result?> RunAsync(GongkaiDbContext db, string agency, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var current = await LatestAsync(db, agency, year, cancellationToken);
        if (current is null || CanonicalJsonReader.Read(current.Json).Report is not { } report)
        {
            return null;
        }

        var previous = await LatestAsync(db, agency, year - 1, cancellationToken) is { } p ? CanonicalJsonReader.Read(p.Json).Report : null;
        return new Result(report, current.Number, new ReportValidator().Validate(report, previous));
    }

    private static Task<Persistence.Entities.ReportVersionRow?> LatestAsync(GongkaiDbContext db, string agency, int year, CancellationToken cancellationToken) =>
        db.ReportVersions.AsNoTracking().Where(v => v.AgencyCode == agency && v.Year == year).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
}
