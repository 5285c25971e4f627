using System.Globalization;
using System.Security.Cryptography;
using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.Reporting;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// 收集年报 — a supervising office files the published reports of agencies that do not use Gongkai: each
/// file is imported, validated, and filed under the agency beneath the office whose name it carries, or under
/// a new agency (kind 其他, parent the office) when none matches. The file is kept byte for byte.
/// </summary>
public sealed class CollectReports(GongkaiDbContext db, TimeProvider time)
{
    public sealed record SourceFile(string FileName, byte[] Bytes);

    public sealed record Result(string? Error, IReadOnlyList<CollectOutcome> Files);

    public Result Collect(string under, IReadOnlyList<SourceFile> files, int? year, string collectedBy, DateOnly? publishedOn = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var directory = new AgencyDirectory(db);
        if (directory.Find(under) is null)
        {
            return new Result($"机关“{under}”不存在。", []);
        }

        var outcomes = new List<CollectOutcome>();
        foreach (var file in files)
        {
            outcomes.Add(CollectOne(directory, under, file, year, collectedBy, publishedOn));
        }

        return new Result(null, outcomes);
    }

    private CollectOutcome CollectOne(AgencyDirectory directory, string under, SourceFile file, int? year, string collectedBy, DateOnly? publishedOn)
    {
        var read = ReportFileReader.Read(file.Bytes);
        if (read.Report is not { } report)
        {
            return CollectOutcome.Refused(file.FileName, CollectStatus.Unreadable, "无法读取：" + string.Join("；", read.Diagnostics.Select(d => d.Message)));
        }

        if (report.Year is { } printed && year is { } asked && printed != asked)
        {
            return CollectOutcome.Refused(file.FileName, CollectStatus.WrongYear, $"报告是 {printed} 年度的，不是 {asked} 年度");
        }

        report.Year ??= year;
        if (report.Year is not { } reportYear)
        {
            return CollectOutcome.Refused(file.FileName, CollectStatus.NoYear, "报告未写明年度，请指定年度");
        }

        if (string.IsNullOrWhiteSpace(report.Agency))
        {
            return CollectOutcome.Refused(file.FileName, CollectStatus.NoAgency, "报告未写明机关名称，无法归档");
        }

        var name = Normalise(report.Agency);
        var agency = directory.Beneath(under).FirstOrDefault(a => Normalise(a.Name) == name);
        var created = false;
        if (agency is null)
        {
            var code = NewCode(directory, under);
            // Collection is still synchronous as a whole (its own change); the directory's write is async for the web.
            if (directory.AddAsync(code, report.Agency.Trim(), under, kind: AgencyKind.Other).GetAwaiter().GetResult() is { } error)
            {
                return CollectOutcome.Refused(file.FileName, CollectStatus.NoAgency, error);
            }

            agency = directory.Find(code)!;
            created = true;
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(file.Bytes));
        var existing = db.CollectedReports.AsNoTracking()
            .Where(r => r.AgencyCode == agency.Code && r.Year == reportYear)
            .Join(db.CollectedSources.AsNoTracking(), r => r.SourceId, s => s.Id, (r, s) => s.Sha256)
            .Any(s => s == sha);
        if (existing)
        {
            return CollectOutcome.Refused(file.FileName, CollectStatus.Duplicate, $"同一文件已收集在 {agency.Name} {reportYear} 年度下", agency.Code, agency.Name, reportYear);
        }

        var now = time.GetUtcNow();
        var source = new CollectedSourceRow { FileName = file.FileName, Sha256 = sha, Bytes = file.Bytes, CollectedAtUtcTicks = now.UtcTicks, CollectedBy = collectedBy };
        db.CollectedSources.Add(source);
        db.SaveChanges();
        var row = CollectedReportStore.AddVersion(db, agency, source.Id, report, read.Diagnostics, string.Empty, publishedOn, collectedBy, now);
        db.ChangeTracker.Clear();
        return new CollectOutcome(file.FileName, created ? CollectStatus.NewAgency : CollectStatus.Filed, agency.Code, agency.Name, reportYear, row.Errors, row.Warnings, row.Uncertain, row.Score,
            created ? $"新建机关 {agency.Code}（其他）并归档" : "已归档");
    }

    private static string Normalise(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    private static string NewCode(AgencyDirectory directory, string under)
    {
        for (var n = 1; ; n++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"{under}-x{n}");
            if (code.Length > 64)
            {
                code = string.Create(CultureInfo.InvariantCulture, $"x{Guid.NewGuid():N}")[..32];
            }

            if (directory.Find(code) is null)
            {
                return code;
            }
        }
    }
}
