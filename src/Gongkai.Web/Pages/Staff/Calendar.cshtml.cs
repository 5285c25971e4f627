using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Audit;
using Gongkai.UseCases.Calendar;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The working-day calendar (工作日历) as the installation administrator maintains it: which years are covered, the
/// history of versions, and the upload of a year's holiday notice — checked first, applied on confirmation, refused
/// whole when anything is wrong. Due dates are counted in working days (条例第三十三条), so applying one moves the
/// due dates of open cases; a year the calendar lacks is counted by weekends only, with a warning on the due date.
/// </summary>
[Authorize(Policy = InstallationAdmin.Policy)]
[NotCasework]
[RequestSizeLimit(MaxBytes)]
public sealed class CalendarModel(GongkaiDbContext db, WorkingDayCalendar calendar, CalendarInForce inForce, TimeProvider time, AuditLog audit, GongkaiOptions options) : PageModel
{
    private const int MaxBytes = 256 * 1024;

    public WorkingDayCalendar Current => calendar;

    public IReadOnlyList<CalendarStore.Version> History { get; private set; } = [];

    /// <summary>The uploaded text, carried from the check to the confirmation.</summary>
    [BindProperty]
    public string? Csv { get; set; }

    [BindProperty]
    public string? SourceName { get; set; }

    public CalendarUpload.Check? Checked { get; private set; }

    public CalendarStore.Applied? Result { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Step 1: read the file (or pasted rows) and show the check; nothing is written.</summary>
    public async Task OnPostCheckAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            // Decoded as the importer decodes (a CSV saved from Excel on a Chinese system is GBK), never as UTF-8 regardless.
            await using var stream = file.OpenReadStream();
            var (text, problem) = await CalendarFile.ReadAsync(stream, MaxBytes, cancellationToken);
            SourceName = Path.GetFileName(file.FileName);
            Csv = text;
            if (text is null)
            {
                Error = $"无法读取文件 {SourceName}：{problem}。";
                await LoadAsync(cancellationToken);
                return;
            }
        }

        if (string.IsNullOrWhiteSpace(Csv))
        {
            Error = "请选择节假日文件（CSV）或粘贴其内容。";
        }
        else
        {
            Checked = CalendarUpload.Run(Csv, calendar);
        }

        await LoadAsync(cancellationToken);
    }

    /// <summary>Step 2: check again (the calendar may have changed meanwhile) and apply as the new version.</summary>
    public async Task OnPostApplyAsync(CancellationToken cancellationToken)
    {
        Checked = CalendarUpload.Run(Csv ?? string.Empty, calendar);
        var source = string.IsNullOrWhiteSpace(SourceName) ? "上传的节假日文件" : "上传：" + SourceName.Trim();
        if (!Checked.Ok)
        {
            await audit.RecordAsync(User.UserName(), User.Agency(), AuditActions.CalendarUpload, "calendar", "拒绝：" + string.Join("；", Checked.Problems), cancellationToken);
        }
        else
        {
            // The calendar is the installation's, not an agency's: the request's context is scoped to the signed-in
            // account's agency (read-only for an installation administrator), so the new version is written through
            // an unscoped one. The policy above is what admits the writer.
            await using (var installation = Database.Open(options.Database))
            {
                Result = await CalendarStore.ApplyAsync(installation, Checked, calendar, User.UserName(), source, time, cancellationToken);
            }

            inForce.Invalidate();
            await audit.RecordAsync(User.UserName(), User.Agency(), AuditActions.CalendarUpload, "calendar",
                $"第 {Result.VersionId} 版生效：上传 {CalendarUpload.Years(Checked.UploadedYears)} 年，覆盖 {CalendarUpload.Years(Checked.CoveredYears)} 年；在办 {Result.OpenCases} 件，答复期限变化 {Result.DueDatesChanged} 件", cancellationToken);
            Csv = null;
        }

        await LoadAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => History = await CalendarStore.HistoryAsync(db, cancellationToken);
}
