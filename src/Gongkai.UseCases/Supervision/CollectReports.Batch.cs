using System.Globalization;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting.Json;
using Gongkai.UseCases.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// The writing half of <see cref="CollectReports"/>: one batch of files already read, filed in one transaction — each
/// file's agency (found by name beneath the office, or made), earlier copies, version numbers, last year's report, the
/// readings, their sources and the summaries.
/// </summary>
public sealed partial class CollectReports
{
    private async Task<List<CollectOutcome>> WriteBatchAsync(string under, Read[] files, string collectedBy, DateOnly? publishedOn, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await CollectedReportLock.TakeAsync(db, cancellationToken);
        var directory = new AgencyDirectory(db);
        // The agencies as the last batch listed them, unless one was added since (agencies are never deleted): a province's
        // 5,000 were listed and indexed again for every 100 files, 170 ms of CPU per 1,000 files. The batch works on copies,
        // so a batch rolled back leaves the listing as it was. An agency moved to another parent while a collect runs is
        // seen by the next collect.
        var count = await db.Agencies.CountAsync(cancellationToken);
        if (_agencies is not { } known || known.Count != count || known.Under != under)
        {
            _agencies = known = AgencyNames.Of(await directory.ListAsync(cancellationToken), under, Normalise);
        }

        var codes = new HashSet<string>(known.Codes, StringComparer.Ordinal);
        var office = known.Office;
        var byName = new Dictionary<string, AgencyInfo>(known.ByName, StringComparer.Ordinal);
        var shared = known.Shared;
        var above = known.Above;

        // The agency of each file, in order; an agency made here is found by the files after it. The new ones are added
        // together once every file has its agency; a refused one refuses every file that named it.
        var outcomes = new CollectOutcome?[files.Length];
        var agencies = new AgencyInfo?[files.Length];
        var created = new bool[files.Length];
        var made = new List<(string Code, string Name)>();
        for (var i = 0; i < files.Length; i++)
        {
            if (files[i].Refused is { } refused)
            {
                outcomes[i] = refused;
                continue;
            }

            var name = Normalise(files[i].Report!.Agency!);
            if (shared.TryGetValue(name, out var same))
            {
                outcomes[i] = CollectOutcome.Refused(files[i].File.FileName, CollectStatus.NoAgency,
                    $"报告的机关“{files[i].Report!.Agency!.Trim()}”与下属 {same.Count} 个机关同名（{string.Join("、", same.Select(a => a.Code).Order(StringComparer.Ordinal))}），不知归档到哪一个，未归档：请在其上级机关下收集");
                continue;
            }

            if (byName.TryGetValue(name, out var agency))
            {
                agencies[i] = agency;
                continue;
            }

            if (above.TryGetValue(name, out var notBeneath))
            {
                outcomes[i] = CollectOutcome.Refused(files[i].File.FileName, CollectStatus.NoAgency,
                    $"报告的机关“{notBeneath.Name}”（{notBeneath.Code}）是{(notBeneath.Code == under ? "收集机关本身" : "收集机关的上级机关")}，不是其下属机关，未归档");
                continue;
            }

            if (known.Elsewhere.TryGetValue(name, out var other))
            {
                outcomes[i] = CollectOutcome.Refused(files[i].File.FileName, CollectStatus.NoAgency,
                    $"报告的机关“{other.Name}”（{other.Code}）不在收集机关之下，未归档：请由它的上级机关收集");
                continue;
            }

            // As AddUnderAsync makes it: a 其他 agency at its parent's level (the office's is in the list).
            var code = NewCode(codes, under);
            agencies[i] = byName[name] = new AgencyInfo(code, files[i].Report!.Agency!.Trim(), office.Level, AgencyKind.Other, under, null);
            made.Add((code, agencies[i]!.Name));
            codes.Add(code);
            created[i] = true;
        }

        if (made.Count > 0)
        {
            var refusals = await directory.AddUnderAsync(office, made, AgencyKind.Other, cancellationToken);
            var refusedCodes = made.Zip(refusals).Where(m => m.Second is not null).ToDictionary(m => m.First.Code, m => m.Second!, StringComparer.Ordinal);
            for (var i = 0; i < files.Length; i++)
            {
                if (agencies[i] is { } a && refusedCodes.TryGetValue(a.Code, out var error))
                {
                    outcomes[i] = CollectOutcome.Refused(files[i].File.FileName, CollectStatus.NoAgency, error);
                    agencies[i] = null;
                    created[i] = false;
                }
            }
        }

        // What is already stored for these agencies, this year and last: copies (by SHA-256), numbers, current readings.
        var batchCodes = agencies.OfType<AgencyInfo>().Select(a => a.Code).Distinct(StringComparer.Ordinal).ToList();
        var years = files.Where(f => f.Report is not null).SelectMany(f => new[] { f.Report!.Year!.Value, f.Report.Year.Value - 1 }).Distinct().ToList();
        var stored = await db.CollectedReports.AsNoTracking().Where(r => batchCodes.Contains(r.AgencyCode) && years.Contains(r.Year))
            .Join(db.CollectedSources.AsNoTracking(), r => r.SourceId, s => s.Id, (r, s) => new { r.Id, r.AgencyCode, r.Year, r.Number, r.Current, r.PublishedOn, Confirmed = r.Note != "", s.Sha256 })
            .ToListAsync(cancellationToken);
        var copies = stored.Select(r => (r.AgencyCode, r.Year, r.Sha256)).ToHashSet();
        var numbers = stored.GroupBy(r => (r.AgencyCode, r.Year)).ToDictionary(g => g.Key, g => g.Max(r => r.Number));
        var current = stored.Where(r => r.Current).ToDictionary(r => (r.AgencyCode, r.Year), r => r.Id);
        // A new file of a report already collected keeps the day it was published unless one is given now (collected again
        // without a day, an agency late by its first copy dropped off the late list), and says which version it replaces.
        var publishedDay = stored.Where(r => r.Current).ToDictionary(r => (r.AgencyCode, r.Year), r => r.PublishedOn);
        var replaces = stored.Where(r => r.Current).ToDictionary(r => (r.AgencyCode, r.Year), r => (r.Number, r.Confirmed));
        var replacing = new (int Number, bool Confirmed)?[files.Length];
        var published = (await db.ReportVersions.AsNoTracking().Where(v => batchCodes.Contains(v.AgencyCode) && years.Contains(v.Year))
            .Select(v => new { v.Id, v.AgencyCode, v.Year, v.Number }).ToListAsync(cancellationToken))
            .GroupBy(v => (v.AgencyCode, v.Year)).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Number)!.Id);

        // Last year's report of each file as ReportLookup finds it: the latest published version, else the current
        // collected reading, which may be one filed earlier in this batch.
        var filedHere = new Dictionary<(string, int), AnnualReport>();
        var previousHere = new AnnualReport?[files.Length];
        var number = new int[files.Length];
        var clear = new List<long>();
        var superseded = new Dictionary<(string, int), int>();
        var cleared = new HashSet<(string, int)>();
        for (var i = 0; i < files.Length; i++)
        {
            if (agencies[i] is not { } agency || outcomes[i] is not null)
            {
                continue;
            }

            var file = files[i];
            var reportYear = file.Report!.Year!.Value;
            var key = (agency.Code, reportYear);
            if (!copies.Add((agency.Code, reportYear, file.Sha)))
            {
                outcomes[i] = CollectOutcome.Refused(file.File.FileName, CollectStatus.Duplicate, $"同一文件已收集在 {agency.Name} {reportYear} 年度下", agency.Code, agency.Name, reportYear);
                continue;
            }

            var last = (agency.Code, reportYear - 1);
            previousHere[i] = published.ContainsKey(last) ? null : filedHere.GetValueOrDefault(last);
            number[i] = numbers[key] = numbers.GetValueOrDefault(key) + 1;
            replacing[i] = replaces.TryGetValue(key, out var was) ? was : null;
            replaces[key] = (number[i], false);
            if (current.TryGetValue(key, out var old) && cleared.Add(key))
            {
                clear.Add(old);
            }

            superseded[key] = i;
            filedHere[key] = file.Report;
        }

        var lastIds = Enumerable.Range(0, files.Length).Where(i => outcomes[i] is null && agencies[i] is not null)
            .Select(i => (agencies[i]!.Code, files[i].Report!.Year!.Value - 1)).Distinct().ToList();
        var lastPublished = lastIds.Where(published.ContainsKey).Select(k => published[k]).ToList();
        var lastCollected = lastIds.Where(k => !published.ContainsKey(k) && current.ContainsKey(k) && !(_filed.TryGetValue(k, out var f) && f.Id == current[k]))
            .Select(k => current[k]).ToList();
        var jsonById = (await db.ReportVersions.AsNoTracking().Where(v => lastPublished.Contains(v.Id)).Select(v => new { v.Id, v.AgencyCode, v.Year, v.Json }).ToListAsync(cancellationToken))
            .Select(v => (Key: (v.AgencyCode, v.Year), v.Json))
            .Concat((await db.CollectedReports.AsNoTracking().Where(r => lastCollected.Contains(r.Id)).Select(r => new { r.AgencyCode, r.Year, r.Json }).ToListAsync(cancellationToken))
                .Select(r => (Key: (r.AgencyCode, r.Year), r.Json)))
            .ToDictionary(v => v.Key, v => v.Json);

        // What needs last year's report, per file: cheap (the rest was done on the reading cores), so it runs here rather
        // than compete with the reading threads for the cores.
        var now = time.GetUtcNow();
        var rows = new CollectedReportRow?[files.Length];
        for (var i = 0; i < files.Length; i++)
        {
            if (outcomes[i] is not null || agencies[i] is not { } agency)
            {
                continue;
            }

            var file = files[i];
            var report = file.Report!;
            var reportYear = report.Year!.Value;
            var last = (agency.Code, reportYear - 1);
            var previous = previousHere[i]
                ?? (jsonById.TryGetValue(last, out var json) ? CanonicalJsonReader.Read(json).Report
                : !published.ContainsKey(last) && current.TryGetValue(last, out var id) && _filed.TryGetValue(last, out var f) && f.Id == id ? f.Report : null);
            var day = publishedDay[(agency.Code, reportYear)] = publishedOn ?? publishedDay.GetValueOrDefault((agency.Code, reportYear));
            var row = CollectedReportStore.NewRow(agency, report, file.Json!, file.Diagnostics, previous, _validator, string.Empty, day, collectedBy, now, file.CheckedAlone);
            row.Number = number[i];
            row.Current = superseded[(agency.Code, reportYear)] == i;
            rows[i] = row;
        }

        if (clear.Count > 0)
        {
            await db.CollectedReports.Where(r => clear.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.Current, false), cancellationToken);
        }

        var filedAt = Enumerable.Range(0, files.Length).Where(i => rows[i] is not null).ToList();
        var sources = filedAt.Select(i => new CollectedSourceRow
        {
            FileName = CollectedFileName.Clean(files[i].File.FileName),
            Sha256 = files[i].Sha,
            Bytes = files[i].File.Bytes,
            CollectedAtUtcTicks = now.UtcTicks,
            CollectedBy = collectedBy,
        }).ToList();
        await PreparedInsert.InsertAsync(db, sources, cancellationToken);
        for (var k = 0; k < filedAt.Count; k++)
        {
            rows[filedAt[k]]!.SourceId = sources[k].Id;
        }

        await PreparedInsert.InsertAsync(db, filedAt.Select(i => rows[i]!).ToList(), cancellationToken);
        db.ChangeTracker.Clear();
        // The summaries are written from the reports in memory: nothing read back, nothing parsed twice.
        var justCollected = Enumerable.Range(0, files.Length).Where(i => rows[i] is { Current: true })
            .ToDictionary(i => rows[i]!.Id, i => new JustCollected(rows[i]!, files[i].Report!, files[i].Stored));
        foreach (var group in Enumerable.Range(0, files.Length).Where(i => rows[i] is not null).GroupBy(i => rows[i]!.Year))
        {
            await ReportSummaryStore.RefreshAsync(db, group.Key, group.Select(i => agencies[i]!).DistinctBy(a => a.Code).ToList(), justCollected, cancellationToken, _cellIds);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (id, collected) in justCollected)
        {
            _filed[(collected.Row.AgencyCode, collected.Row.Year)] = (id, collected.Report);
        }

        return Enumerable.Range(0, files.Length)
            .Select(i => outcomes[i] ?? Filed(files[i], agencies[i]!, rows[i]!, created[i], published.ContainsKey((agencies[i]!.Code, rows[i]!.Year)), replacing[i]))
            .ToList();
    }

    private static CollectOutcome Filed(Read file, AgencyInfo agency, CollectedReportRow row, bool created, bool publishedHere, (int Number, bool Confirmed)? replaced) =>
        new(file.File.FileName, created ? CollectStatus.NewAgency : CollectStatus.Filed, agency.Code, agency.Name, row.Year, row.Errors, row.Warnings, row.Uncertain, row.Score,
            (created ? $"新建机关 {agency.Code}（其他）并归档"
            : publishedHere ? $"已归档（该机关已在本系统公布 {row.Year} 年度报告，总览和汇总以公布的版本为准）"
            : "已归档")
            + (replaced is { } r
                ? $"，为第 {row.Number} 版，取代第 {r.Number} 版{(r.Confirmed ? $"（第 {r.Number} 版经人工核对，核对结果不随新文件保留，请对照新文件重新核对）" : string.Empty)}"
                : string.Empty));

    /// <summary>A name as compared: without spaces, in one width of brackets and punctuation, Traditional characters simplified.</summary>
    private static string Normalise(string name) => Gongkai.Reporting.Parsing.Text.ChineseText.FullWidthPunctuation(Gongkai.Reporting.Parsing.Text.ChineseText.Compact(name));

    private static string NewCode(HashSet<string> codes, string under)
    {
        for (var n = 1; ; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{under}-x{n}");
            if (code.Length > 64)
            {
                code = string.Create(CultureInfo.InvariantCulture, $"x{Guid.NewGuid():N}")[..32];
            }

            if (!codes.Contains(code))
            {
                return code;
            }
        }
    }
}
