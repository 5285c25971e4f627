using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Reporting;
using Gongkai.Reporting.Aggregation;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Supervision;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// Builds the overview of every agency beneath a supervising agency for a year: reports made in Gongkai
/// (report_drafts, report_versions) and reports collected from files (collected_reports, whose figures were
/// stored on write), each with status, publication day, lateness (条例第四十九条), errors, warnings and score;
/// and the roll-up of every report there is.
/// </summary>
public sealed class SupervisionOverview(GongkaiDbContext db, TimeProvider time)
{
    /// <summary>Null when <paramref name="under"/> is not an agency.</summary>
    /// <param name="under">The supervising agency; the overview lists the agencies beneath it.</param>
    /// <param name="year">The report year.</param>
    /// <param name="include">Which agencies to keep (level, kind …); all when null.</param>
    public Overview? Build(string under, int year, Func<AgencyInfo, bool>? include = null)
    {
        var directory = new AgencyDirectory(db);
        if (directory.Find(under) is not { } top)
        {
            return null;
        }

        var agencies = directory.Beneath(under).Where(include ?? (_ => true)).ToArray();
        var codes = agencies.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var today = ChinaDate.Today(time);

        // One query per source, each on its (year) index; filtering to the agencies beneath happens in memory.
        var versions = db.ReportVersions.AsNoTracking().Where(v => v.Year == year || v.Year == year - 1)
            .Select(v => new { v.AgencyCode, v.Year, v.Number, v.PublishedAtUtcTicks, v.Json }).ToList()
            .Where(v => codes.Contains(v.AgencyCode)).ToList();
        var collected = db.CollectedReports.AsNoTracking().Where(r => r.Year == year && r.Current)
            .Select(r => new { r.AgencyCode, r.PublishedOn, r.Late, r.Errors, r.Warnings, r.Score, r.Uncertain, r.Json }).ToList()
            .Where(r => codes.Contains(r.AgencyCode)).ToDictionary(r => r.AgencyCode, StringComparer.Ordinal);
        var drafts = db.ReportDrafts.AsNoTracking().Where(d => d.Year == year).Select(d => d.AgencyCode).ToList().ToHashSet(StringComparer.Ordinal);

        var thisYear = versions.Where(v => v.Year == year).GroupBy(v => v.AgencyCode).ToDictionary(
            g => g.Key,
            g => (FirstOn: ChinaDate.Of(new DateTimeOffset(g.Min(v => v.PublishedAtUtcTicks), TimeSpan.Zero)), Json: g.MaxBy(v => v.Number)!.Json),
            StringComparer.Ordinal);
        var lastYear = versions.Where(v => v.Year == year - 1).GroupBy(v => v.AgencyCode)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Json, StringComparer.Ordinal);

        var validator = new ReportValidator();
        var rows = new List<OverviewRow>();
        var sources = new List<RollupSource>();
        foreach (var a in agencies)
        {
            var government = a.Kind == AgencyKind.Government;
            if (thisYear.TryGetValue(a.Code, out var published))
            {
                var report = CanonicalJsonReader.Read(published.Json).Report!;
                var previous = lastYear.TryGetValue(a.Code, out var p) ? CanonicalJsonReader.Read(p).Report : null;
                var diagnostics = ReportCheck.Of(new ReadResult(report, []), validator, previous).Diagnostics;
                var late = PublicationDeadline.IsLate(year, government, published.FirstOn, today);
                rows.Add(new OverviewRow(
                    a.Code, a.Name, a.Level, a.Kind, a.Parent, ReportStatus.Published, published.FirstOn, late,
                    diagnostics.Count(d => d.Severity == Severity.Error), diagnostics.Count(d => d.Severity == Severity.Warning),
                    QualityScore.Of(report, diagnostics, late).Score, 0));
                sources.Add(new RollupSource(a.Name, report));
            }
            else if (collected.TryGetValue(a.Code, out var c))
            {
                rows.Add(new OverviewRow(a.Code, a.Name, a.Level, a.Kind, a.Parent, ReportStatus.Collected, c.PublishedOn, c.Late, c.Errors, c.Warnings, c.Score, c.Uncertain));
                sources.Add(new RollupSource(a.Name, CanonicalJsonReader.Read(c.Json).Report!));
            }
            else
            {
                var late = PublicationDeadline.IsLate(year, government, null, today);
                rows.Add(new OverviewRow(a.Code, a.Name, a.Level, a.Kind, a.Parent, drafts.Contains(a.Code) ? ReportStatus.Draft : ReportStatus.NotStarted, null, late, 0, 0, null, 0));
            }
        }

        foreach (var s in sources)
        {
            // Filed under this year whatever the file printed (a collected report with no year took the officer's).
            s.Report.Year = year;
        }

        return new Overview(top.Code, top.Name, year, rows, sources.Count == 0 ? null : ReportRollup.Of(sources));
    }
}
