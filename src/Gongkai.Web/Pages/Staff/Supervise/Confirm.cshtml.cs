using Gongkai.Domain.Reports;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Parsing;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 核对收集的年报: the source beside tables 二, 三 and 四 as read; the officer confirms or corrects the cells (the
/// uncertain readings GK4005/GK4006/GK4007 are marked) and the result is a new version with a note.
/// </summary>
[NotCasework]
public sealed class ConfirmModel(GongkaiOptions options, TimeProvider time) : SupervisePage(options, time)
{
    [BindProperty(SupportsGet = true)]
    public string Agency { get; set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public AnnualReport? Report { get; private set; }

    public int Number { get; private set; }

    public string FileName { get; private set; } = string.Empty;

    public IReadOnlyList<SourceLine>? Lines { get; private set; }

    public string SourceProblem { get; private set; } = string.Empty;

    public IReadOnlyList<StoredDiagnostic> Diagnostics { get; private set; } = [];

    public IReadOnlyList<(int Number, string Note, string By)> History { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The table 三 / 四 cells an uncertain reading points at (row keys; the whole row when no column is named).</summary>
    public ISet<string> UncertainRows { get; private set; } = new HashSet<string>();

    /// <summary>The table 二 cells (keys) in a row an uncertain reading names (“规章”一行…).</summary>
    public ISet<string> UncertainProactive { get; private set; } = new HashSet<string>();

    /// <summary>The version in which an officer confirmed the import's uncertain readings, or null while they are unconfirmed.</summary>
    public int? ConfirmedIn { get; private set; }

    /// <summary>Whether <paramref name="diagnostic"/> is an uncertain reading (GK4005/GK4006/GK4007).</summary>
    public static bool IsDoubt(StoredDiagnostic diagnostic) => CollectedReportStore.UncertainCodes.Contains(diagnostic.Code);

    /// <summary>Whether an uncertain reading is about table 四 (its groups are read together, so the whole table is marked).</summary>
    public bool UncertainReview { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetSourceAsync()
    {
        if (!await LoadAsync(withSource: true) || SourceBytes is null)
        {
            return NotFound();
        }

        return File(SourceBytes, "application/octet-stream", FileName);
    }

    public async Task<IActionResult> OnPostAsync(int number, string? note, DateOnly? publishedOn)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var corrected = Report!.Clone();
        var problems = new List<string>();
        foreach (var block in corrected.Schema.ProactiveBlocks)
        {
            foreach (var (_, _, key) in block.Cells())
            {
                // Table 二 keeps what the report printed: a number, or text such as 见附件 (the validator flags it).
                // A cell the form did not send stays as read.
                if (Request.Form.TryGetValue($"p:{key}", out var written))
                {
                    corrected.SetProactive(key, CellValue.Parse(written));
                }
            }
        }

        foreach (var row in corrected.Schema.ApplicationDataRows)
        {
            foreach (var column in ApplicantColumns.All)
            {
                if (ParseCount(Request.Form[$"a:{row.Key}:{column.Key()}"], $"三 {row.Label} {column.Label()}", problems, out var v))
                {
                    corrected.SetApplications(row.Key!, column, v);
                }
            }
        }

        foreach (var c in corrected.Schema.ReviewColumns)
        {
            if (ParseCount(Request.Form[$"r:{c.Key}"], $"四 {Gongkai.Reporting.CellNames.Review(c)}", problems, out var v))
            {
                corrected.SetReview(c.Key, v);
            }
        }

        if (problems.Count > 0)
        {
            // Nothing saved and nothing lost: the form shows what was typed, with the cells to fix.
            Posted = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Error = $"表三、表四的格子应填非负整数或留空，以下 {problems.Count} 处未能读取，未保存：{string.Join("；", problems.Take(5))}{(problems.Count > 5 ? "……" : "")}";
            return Page();
        }

        if (SupervisePage.UnreadableDay(ModelState, Request, nameof(publishedOn)) is { } badDay)
        {
            Posted = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Error = badDay;
            return Page();
        }

        await using var db = SupervisionAccess.Open(Options);
        var error = await new CorrectCollectedReport(db, Time).SaveAsync(Agency, SelectedYear, number, corrected, note ?? string.Empty, User.UserName(), publishedOn, HttpContext.RequestAborted);
        if (error is not null)
        {
            // Refused (a stale version, a wrong publication day): the form keeps what was typed.
            Posted = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            Error = error;
            return Page();
        }

        TempData["Message"] = "已保存为新版本。";
        return Redirect($"/staff/supervise/confirm?agency={Uri.EscapeDataString(Agency)}&year={SelectedYear}");
    }

    private byte[]? SourceBytes { get; set; }

    /// <summary>True after a post the page shows again: the inputs hold what was typed, not the stored version.</summary>
    public bool Posted { get; private set; }

    /// <summary>What an input shows: the typed value after a refused post, else the stored one.</summary>
    public string Value(string name, string stored) => Posted ? Request.Form[name].ToString() : stored;

    private static bool ParseCount(string? text, string cell, List<string> problems, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return true;
        }

        problems.Add($"{cell}：“{text.Trim()}”");
        return false;
    }

    private async Task<bool> LoadAsync(bool withSource = true)
    {
        Prepare();
        Message ??= TempData["Message"] as string;
        var cancel = HttpContext.RequestAborted;
        await using var db = SupervisionAccess.Open(Options);
        if (!await SupervisionAccess.MayReadAsync(db, User, Agency, cancel) || Agency == Under)
        {
            return false;
        }

        var year = SelectedYear;
        var versions = await db.CollectedReports.AsNoTracking().Where(r => r.AgencyCode == Agency && r.Year == year).OrderBy(r => r.Number).ToListAsync(cancel);
        if (versions.Count == 0)
        {
            return false;
        }

        var current = versions.Single(v => v.Current);
        AgencyName = (await new UseCases.Organisation.AgencyDirectory(db).FindAsync(Agency, cancel))!.Name;
        Report = CanonicalJsonReader.Read(current.Json).Report;
        Number = current.Number;
        History = versions.Select(v => (v.Number, v.Note, v.CreatedBy)).ToList();
        // The import of the current source (a file collected again starts anew) carries the reading's doubts; a later
        // version of the same source is an officer's confirmation, and carries the validation of the confirmed figures.
        var imported = versions.First(v => v.SourceId == current.SourceId);
        Diagnostics = CollectedReportStore.ReadDiagnostics(imported.DiagnosticsJson);
        if (current.Number > imported.Number)
        {
            ConfirmedIn = versions.First(v => v.SourceId == current.SourceId && v.Number > imported.Number).Number;
            Diagnostics = [.. Diagnostics.Where(d => CollectedReportStore.UncertainCodes.Contains(d.Code)), .. CollectedReportStore.ReadDiagnostics(current.DiagnosticsJson)];
        }

        var source = await db.CollectedSources.AsNoTracking().SingleAsync(s => s.Id == current.SourceId, cancel);
        FileName = source.FileName;
        if (withSource)
        {
            SourceBytes = source.Bytes;
            Lines = SourceText.Lines(source.Bytes, out var problem);
            SourceProblem = problem;
        }

        if (ConfirmedIn is not null)
        {
            // Confirmed: the doubts stay listed (as confirmed), the cells are no longer marked — as the overview counts 待确认 0.
            return Report is not null;
        }

        UncertainRows = Diagnostics.Where(d => CollectedReportStore.UncertainCodes.Contains(d.Code))
            .SelectMany(d => Report!.Schema.ApplicationDataRows.Where(r => d.Location.Contains(r.Key!, StringComparison.Ordinal) || d.Message.Contains("“" + r.Label + "”", StringComparison.Ordinal)))
            .Select(r => r.Key!).ToHashSet();
        var doubts = Diagnostics.Where(d => CollectedReportStore.UncertainCodes.Contains(d.Code)).Select(d => d.Message).ToList();
        if (Report is not null)
        {
            UncertainProactive = Report.Schema.ProactiveBlocks.SelectMany(b => b.Cells())
                .Where(c => doubts.Any(m => m.StartsWith("“" + c.Row.Label + "”", StringComparison.Ordinal)))
                .Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
            UncertainReview = doubts.Any(m => m.StartsWith("“行政复议", StringComparison.Ordinal) || m.Contains("行政复议·", StringComparison.Ordinal) || m.Contains("表四", StringComparison.Ordinal));
        }

        return Report is not null;
    }
}
