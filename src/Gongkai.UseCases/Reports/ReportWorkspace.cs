using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Registry;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Validation;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// The annual-report workspace of an agency and year: tables 三 and 四 generated from the cases, table 二
/// and the narrative from the officers' draft, validated together; publishing freezes the whole report as a
/// numbered version. A published version never changes: a correction is the next number with a change note.
/// </summary>
public sealed class ReportWorkspace(GongkaiDbContext db, TimeProvider time, TableTwoCounting? counting = null)
{
    public sealed record Workspace(AnnualReport Report, int DraftVersion, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<PublishedVersion> Versions)
    {
        public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

        /// <summary>The report as it would be published now differs from the current published version.</summary>
        public bool ChangedSincePublished { get; init; }

        /// <summary>Table 二 cells generated from the registry (not editable; drill-down to the documents).</summary>
        public IReadOnlyList<string> RegistryKeys { get; init; } = [];
    }

    public sealed record PublishedVersion(string AgencyCode, string AgencyName, int Year, int Number, DateTimeOffset PublishedAt, string PublishedBy, string ChangeNote);

    public enum SaveResult
    {
        Saved,
        Conflict,
        NotFound,
    }

    public sealed record PublishResult(int? Number, string? Error);

    public async Task<Workspace?> OpenAsync(string agency, int year, CancellationToken cancellationToken = default)
    {
        var generator = new GenerateAnnualReport(db, counting);
        var report = await generator.RunAsync(agency, year, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var draft = await db.ReportDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.AgencyCode == agency && d.Year == year, cancellationToken);
        if (draft is not null && CanonicalJsonReader.Read(draft.Json).Report is { } saved)
        {
            foreach (var key in report.Schema.ProactiveKeys.Except(generator.RegistryKeys))
            {
                report.SetProactive(key, saved.GetProactive(key));
            }

            foreach (var key in ReportSections.Keys)
            {
                if (!string.IsNullOrWhiteSpace(saved.Sections.Get(key)))
                {
                    report.Sections.Set(key, saved.Sections.Get(key));
                }
            }
        }

        var previous = await new CaseStore(db).AnnualTablesAsync(agency, year - 1, cancel: cancellationToken);
        // Text where a number belongs is only noted in an imported report (GK3005, info); typed into the
        // workspace it is an input error, so it blocks publishing.
        var diagnostics = new ReportValidator().Validate(report, previous)
            .Select(d => d.Code == DiagnosticCatalog.TextInNumericCell.Code ? d with { Severity = Severity.Error } : d)
            .ToList();
        var versions = await VersionsAsync(agency, year, cancellationToken);
        var current = versions.Count == 0 ? null : await VersionJsonAsync(agency, year, versions[^1].Number, cancellationToken);
        return new Workspace(report, draft?.Version ?? 0, diagnostics, versions)
        {
            ChangedSincePublished = current is not null && current != CanonicalJsonWriter.Write(report),
            RegistryKeys = generator.RegistryKeys,
        };
    }

    /// <summary>
    /// Saves table 二 (written values: blank, digits or text) and the narrative sections, if nobody saved the
    /// draft since it was loaded at <paramref name="loadedVersion"/> (0 = no draft yet).
    /// </summary>
    public async Task<SaveResult> SaveDraftAsync(string agency, int year, IReadOnlyDictionary<string, string?> proactive, IReadOnlyDictionary<string, string?> sections, int loadedVersion, string actor, CancellationToken cancellationToken = default)
    {
        var generated = await new GenerateAnnualReport(db).RunAsync(agency, year, cancellationToken);
        if (generated is null)
        {
            return SaveResult.NotFound;
        }

        var draft = new AnnualReport(generated.Edition) { Agency = generated.Agency, Year = year };
        foreach (var key in draft.Schema.ProactiveKeys)
        {
            draft.SetProactive(key, CellValue.Parse(proactive.GetValueOrDefault(key)));
        }

        foreach (var key in ReportSections.Keys)
        {
            draft.Sections.Set(key, (sections.GetValueOrDefault(key) ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        }

        var row = await db.ReportDrafts.SingleOrDefaultAsync(d => d.AgencyCode == agency && d.Year == year, cancellationToken);
        if (row is null && loadedVersion != 0 || row is not null && row.Version != loadedVersion)
        {
            db.ChangeTracker.Clear();
            return SaveResult.Conflict;
        }

        if (row is null)
        {
            row = new ReportDraftRow { AgencyCode = agency, Year = year };
            db.ReportDrafts.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = loadedVersion;
        }

        row.Json = CanonicalJsonWriter.Write(draft);
        row.UpdatedAtUtcTicks = time.GetUtcNow().UtcTicks;
        row.UpdatedBy = actor;
        row.Version = loadedVersion + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved;
        }
        catch (DbUpdateException)
        {
            // A concurrent update (version changed) or a concurrent first save (unique agency+year).
            return SaveResult.Conflict;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Publishes the report as it stands: refused with errors, refused without a change note for a correction, refused when nothing changed.</summary>
    public async Task<PublishResult> PublishAsync(string agency, int year, string actor, string? changeNote, CancellationToken cancellationToken = default)
    {
        var workspace = await OpenAsync(agency, year, cancellationToken);
        if (workspace is null)
        {
            return new PublishResult(null, "未找到机关");
        }

        if (workspace.Errors > 0)
        {
            return new PublishResult(null, $"报告还有 {workspace.Errors} 个错误，改正后才能发布");
        }

        var note = changeNote?.Trim() ?? string.Empty;
        if (workspace.Versions.Count > 0 && note.Length == 0)
        {
            return new PublishResult(null, "该年度报告已经发布；发布更正版本须填写更正说明");
        }

        if (workspace.Versions.Count > 0 && !workspace.ChangedSincePublished)
        {
            return new PublishResult(null, "报告内容与当前发布版本相同，无需发布更正版本");
        }

        var number = workspace.Versions.Count == 0 ? 1 : workspace.Versions[^1].Number + 1;
        db.ReportVersions.Add(new ReportVersionRow
        {
            AgencyCode = agency,
            Year = year,
            Number = number,
            Json = CanonicalJsonWriter.Write(workspace.Report),
            PublishedAtUtcTicks = time.GetUtcNow().UtcTicks,
            PublishedBy = actor,
            ChangeNote = note,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (await new AgencyDirectory(db).FindAsync(agency, cancellationToken) is { } info)
            {
                // The supervisor's overview reads the figures stored now (errors, score, lateness, cells to add up).
                await ReportSummaryStore.RefreshAsync(db, year, [info], cancellationToken);
            }

            return new PublishResult(number, null);
        }
        catch (DbUpdateException)
        {
            return new PublishResult(null, "另一位工作人员刚刚发布了该年度报告，请刷新后查看");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The published versions of one agency and year, oldest first.</summary>
    public async Task<IReadOnlyList<PublishedVersion>> VersionsAsync(string agency, int year, CancellationToken cancellationToken = default)
    {
        var name = await db.Agencies.AsNoTracking().Where(a => a.Code == agency).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? agency;
        return (await db.ReportVersions.AsNoTracking().Where(v => v.AgencyCode == agency && v.Year == year).OrderBy(v => v.Number)
            .Select(v => new { v.Number, v.PublishedAtUtcTicks, v.PublishedBy, v.ChangeNote }).ToListAsync(cancellationToken))
            .Select(v => new PublishedVersion(agency, name, year, v.Number, new DateTimeOffset(v.PublishedAtUtcTicks, TimeSpan.Zero), v.PublishedBy, v.ChangeNote))
            .ToList();
    }

    /// <summary>Every published report, its current (latest) version, newest year first.</summary>
    public async Task<IReadOnlyList<PublishedVersion>> CurrentVersionsAsync(CancellationToken cancellationToken = default)
    {
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        return (await db.ReportVersions.AsNoTracking()
            .Select(v => new { v.AgencyCode, v.Year, v.Number, v.PublishedAtUtcTicks, v.PublishedBy, v.ChangeNote }).ToListAsync(cancellationToken))
            .GroupBy(v => (v.AgencyCode, v.Year)).Select(g => g.MaxBy(v => v.Number)!)
            .OrderByDescending(v => v.Year).ThenBy(v => v.AgencyCode)
            .Select(v => new PublishedVersion(v.AgencyCode, names.GetValueOrDefault(v.AgencyCode, v.AgencyCode), v.Year, v.Number,
                new DateTimeOffset(v.PublishedAtUtcTicks, TimeSpan.Zero), v.PublishedBy, v.ChangeNote))
            .ToList();
    }

    /// <summary>The canonical JSON of a published version (the latest when <paramref name="number"/> is null), or null.</summary>
    public Task<string?> VersionJsonAsync(string agency, int year, int? number = null, CancellationToken cancellationToken = default) =>
        db.ReportVersions.AsNoTracking().Where(v => v.AgencyCode == agency && v.Year == year && (number == null || v.Number == number))
            .OrderByDescending(v => v.Number).Select(v => v.Json).FirstOrDefaultAsync(cancellationToken);
}
