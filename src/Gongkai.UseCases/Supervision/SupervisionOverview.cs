using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Aggregation;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Builds the overview of every agency beneath a supervising agency for a year: reports made in Gongkai
/// (report_drafts, report_versions) and reports collected from files (collected_reports), each with status,
/// publication day, lateness (条例第四十九条), errors, warnings and score read from report_summaries (computed when
/// the report was written, see <see cref="ReportSummaryStore"/>); and the roll-up of every report there is, added up
/// from their stored numbers (<see cref="StoredRollup"/>), contributors included: once built, it needs no database.
/// </summary>
public sealed class SupervisionOverview(GongkaiDbContext db, TimeProvider time)
{
    /// <summary>Null when <paramref name="under"/> is not an agency.</summary>
    /// <param name="under">The supervising agency; the overview lists the agencies beneath it.</param>
    /// <param name="year">The report year.</param>
    /// <param name="include">Which agencies to keep (level, kind …); all when null.</param>
    public async Task<Overview?> BuildAsync(string under, int year, Func<AgencyInfo, bool>? include = null, CancellationToken cancellationToken = default)
    {
        var directory = new AgencyDirectory(db);
        if (await directory.FindAsync(under, cancellationToken) is not { } top)
        {
            return null;
        }

        var agencies = (await directory.BeneathAsync(under, cancellationToken)).Where(include ?? (_ => true)).ToArray();
        var today = ChinaDate.Today(time);
        var summaries = await ReportSummaryStore.RefreshAsync(db, year, agencies, cancellationToken);
        var drafts = (await db.ReportDrafts.AsNoTracking().Where(d => d.Year == year).Select(d => d.AgencyCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var rows = new List<OverviewRow>();
        var chosen = new List<(ReportSummaryRow, string)>();
        foreach (var a in agencies)
        {
            if (summaries.TryGetValue(a.Code, out var s))
            {
                var status = s.Source == ReportSummaryRow.Published ? ReportStatus.Published : ReportStatus.Collected;
                rows.Add(new OverviewRow(a.Code, a.Name, a.Level, a.Kind, a.Parent, status, s.PublishedOn, s.Late, s.Errors, s.Warnings, s.Score, s.Uncertain));
                chosen.Add((s, a.Name));
            }
            else if (a.ClosedOn is { } closed && !drafts.Contains(a.Code) && closed <= PublicationDeadline.For(year, a.Kind == AgencyKind.Government))
            {
                // Closed (merged or abolished) by the day the report was due, with no report of its own: it owed none (its
                // successor reports), so it is neither 未开始 nor late, nor sent reminders. One with a report is listed as any.
                continue;
            }
            else
            {
                var late = PublicationDeadline.IsLate(year, a.Kind == AgencyKind.Government, null, today);
                rows.Add(new OverviewRow(a.Code, a.Name, a.Level, a.Kind, a.Parent, drafts.Contains(a.Code) ? ReportStatus.Draft : ReportStatus.NotStarted, null, late, 0, 0, null, 0));
            }
        }

        return new Overview(top.Code, top.Name, year, rows, await StoredRollup.OfAsync(db, year, chosen, cancellationToken));
    }
}
