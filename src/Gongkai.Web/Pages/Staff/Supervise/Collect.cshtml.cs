using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 收集年报: upload the published reports (several files, or a whole folder) of agencies that do not use Gongkai;
/// each is filed under the agency beneath the supervisor whose name it carries, or a new agency (kind 其他).
/// </summary>
[NotCasework]
[RequestSizeLimit(256L * 1024 * 1024)]
// A folder of reports: up to 10,000 files (and the form's few fields), as many bytes as the request may carry.
[RequestFormLimits(ValueCountLimit = 10_016, MultipartBodyLengthLimit = 256L * 1024 * 1024)]
public sealed class CollectModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    public sealed record Collected(string Code, string Name, int Number, int Errors, int Warnings, int Uncertain, int Score, string FileName);

    public IReadOnlyList<CollectOutcome> Outcomes { get; private set; } = [];

    public IReadOnlyList<Collected> Current { get; private set; } = [];

    public string? Error { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, DateOnly? publishedOn)
    {
        Prepare();
        if (files is null || files.Count == 0)
        {
            Error = "请选择要收集的年报文件。";
            await LoadAsync();
            return Page();
        }

        if (SupervisePage.UnreadableDay(ModelState, Request, nameof(publishedOn)) is { } badDay)
        {
            Error = badDay;
            await LoadAsync();
            return Page();
        }

        // One batch's bytes in memory at a time (the form itself is buffered to disk by the server), collected by one
        // collector so last year's readings filed by an earlier batch are at hand.
        await using (var db = SupervisionAccess.Open(Options))
        {
            var collect = new CollectReports(db, Time);
            var outcomes = new List<CollectOutcome>(files.Count);
            foreach (var batch in files.Chunk(CollectReports.BatchSize))
            {
                var sources = new List<CollectReports.SourceFile>(batch.Length);
                foreach (var file in batch)
                {
                    // Refused by its length before a byte is copied: a 238 MB upload was read into memory twice first.
                    if (Gongkai.Reporting.Parsing.ReportFileReader.RefuseByLength(file.Length) is not null)
                    {
                        sources.Add(CollectReports.SourceFile.Unread(CollectedFileName.Clean(file.FileName), file.Length));
                        continue;
                    }

                    using var stream = new MemoryStream((int)file.Length);
                    await file.CopyToAsync(stream, HttpContext.RequestAborted);
                    sources.Add(new CollectReports.SourceFile(CollectedFileName.Clean(file.FileName), stream.Length == stream.Capacity ? stream.GetBuffer() : stream.ToArray()));
                }

                var result = await collect.CollectAsync(Under, sources, Year, User.UserName(), publishedOn, HttpContext.RequestAborted);
                Error = result.Error;
                outcomes.AddRange(result.Files);
                if (Error is not null)
                {
                    break;
                }
            }

            Outcomes = outcomes;
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Prepare();
        await using var db = SupervisionAccess.Open(Options);
        var beneath = (await new UseCases.Organisation.AgencyDirectory(db).BeneathAsync(Under, HttpContext.RequestAborted)).ToDictionary(a => a.Code, a => a.Name);
        var year = SelectedYear;
        Current = (await db.CollectedReports.AsNoTracking().Where(r => r.Year == year && r.Current)
            .Join(db.CollectedSources.AsNoTracking(), r => r.SourceId, s => s.Id, (r, s) => new { r.AgencyCode, r.Number, r.Errors, r.Warnings, r.Uncertain, r.Score, s.FileName })
            .ToListAsync(HttpContext.RequestAborted))
            .Where(r => beneath.ContainsKey(r.AgencyCode))
            .Select(r => new Collected(r.AgencyCode, beneath[r.AgencyCode], r.Number, r.Errors, r.Warnings, r.Uncertain, r.Score, r.FileName))
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
    }
}
