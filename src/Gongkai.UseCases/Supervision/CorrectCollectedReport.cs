using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// An officer confirms or corrects the reading of a collected report against its source: the result is a new
/// version with a note, the source file and earlier versions never change. The new version carries the
/// validation of the confirmed figures; the import's doubts (GK4005/GK4006/GK4007) are settled by the officer
/// and no longer counted as uncertain.
/// </summary>
public sealed class CorrectCollectedReport(GongkaiDbContext db, TimeProvider time)
{
    /// <summary>Null when saved; otherwise the reason in Chinese.</summary>
    /// <param name="agency">The agency the report is filed under.</param>
    /// <param name="year">The report year.</param>
    /// <param name="basedOn">The version number the officer was looking at (a newer one refuses the save).</param>
    /// <param name="report">The confirmed report (figures as read, or as corrected).</param>
    /// <param name="note">What was confirmed or corrected, and why.</param>
    /// <param name="by">The officer.</param>
    /// <param name="publishedOn">The publication day, when the officer knows it.</param>
    public async Task<string?> SaveAsync(string agency, int year, int basedOn, AnnualReport report, string note, string by, DateOnly? publishedOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (string.IsNullOrWhiteSpace(note))
        {
            return "请写明核对或更正的说明。";
        }

        if (publishedOn is { } on && PublicationDeadline.Problem(on, year, Time.ChinaDate.Today(time)) is { } wrongDay)
        {
            return wrongDay;
        }

        // The check and the new version in one transaction under the writers' lock: a version collected (or corrected)
        // between the officer's page and this save is seen here and refuses it, never silently superseded.
        var attempted = false;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retry (PostgreSQL, a transient failure) after a commit that reached the server although the client saw an
            // error finds its own version current: saved, not "a newer version".
            var retry = attempted;
            attempted = true;
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await CollectedReportLock.TakeAsync(db, cancellationToken);
            var current = await db.CollectedReports.AsNoTracking().FirstOrDefaultAsync(r => r.AgencyCode == agency && r.Year == year && r.Current, cancellationToken);
            if (current is null)
            {
                return "没有找到该机关该年度收集的报告。";
            }

            if (retry && current.Number == basedOn + 1 && current.CreatedBy == by && current.Note == note.Trim())
            {
                return (string?)null;
            }

            if (current.Number != basedOn)
            {
                return $"该报告已有更新的第 {current.Number} 版，请刷新后再核对。";
            }

            if (await new AgencyDirectory(db).FindAsync(agency, cancellationToken) is not { } info)
            {
                return $"机关“{agency}”不存在。";
            }

            report.Year = year;
            await CollectedReportStore.AddVersionAsync(db, info, current.SourceId, report, [], note.Trim(), publishedOn ?? current.PublishedOn, by, time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return (string?)null;
        });
    }
}
