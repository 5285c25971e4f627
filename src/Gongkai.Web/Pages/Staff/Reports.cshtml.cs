using Gongkai.Domain.Diagnostics;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Reporting.Rendering;
using Gongkai.UseCases.Reports;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// The annual-report workspace: choose a year; tables 三 and 四 come from the cases (each cell links to the
/// cases it counts), table 二 and the narrative are edited here, every diagnostic is shown beside its cell or
/// section, the official layout can be previewed, and the report published (then corrected as new versions).
/// </summary>
public sealed class ReportsModel(GongkaiDbContext db, TimeProvider time, AuditLog audit, Gongkai.UseCases.Registry.RegistryOptions registry) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public ReportWorkspace.Workspace? Workspace { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool CanPublish => User.IsOfficeHead();

    /// <summary>The agency's accounts: login name → display name, for the 发布人 of the versions.</summary>
    private IReadOnlyDictionary<string, string> Names { get; set; } = new Dictionary<string, string>();

    /// <summary>A publisher as the page names them: the account's display name; a name that is no account of the agency as it is.</summary>
    public string Person(string? userName) => StaffNames.Person(Names, userName);

    /// <summary>Whether the reader works cases: a 监督人员 reads the draft (read-only fields) without the forms, whose posts answer 403.</summary>
    public bool MayAct => User.WorksCases();

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        await LoadAsync(cancellationToken);
        if (Year is not null && Workspace is null)
        {
            return NotFound();
        }

        if (format == "preview" && Workspace is { } ws)
        {
            // The official layout as it would be published; a standalone page with its own inline print style.
            Response.Headers.ContentSecurityPolicy = GongkaiHost.StandaloneReportCsp;
            return Content(ReportRenderer.RenderToString(ws.Report, RenderFormat.Html), "text/html; charset=utf-8");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int draftVersion, CancellationToken cancellationToken)
    {
        if (Year is not { } year)
        {
            return NotFound();
        }

        var form = Request.Form;
        var proactive = form.Keys.Where(k => k.StartsWith("proactive.", StringComparison.Ordinal)).ToDictionary(k => k, k => (string?)form[k].ToString());
        var sections = ReportSections.Keys.ToDictionary(k => k, k => (string?)form[k].ToString());
        var result = await new ReportWorkspace(db, time, registry.Counting).SaveDraftAsync(User.Agency(), year, proactive, sections, draftVersion, User.UserName(), cancellationToken);
        await audit.RecordAsync(User.UserName(), User.Agency(), "report.save", $"report:{year}", result switch
        {
            ReportWorkspace.SaveResult.Saved => "保存草稿",
            ReportWorkspace.SaveResult.Conflict => "冲突：草稿已被他人修改，未保存",
            ReportWorkspace.SaveResult.NotFound => "未找到机关",
        }, cancellationToken);
        switch (result)
        {
            case ReportWorkspace.SaveResult.Saved:
                TempData["Message"] = "已保存。";
                return RedirectToPage(new { Year });
            case ReportWorkspace.SaveResult.Conflict:
                Error = "年度报告草稿在您打开页面之后已被其他工作人员修改，您的修改没有保存。请刷新页面，查看最新内容后重新填写。";
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(string? changeNote, CancellationToken cancellationToken)
    {
        if (Year is not { } year)
        {
            return NotFound();
        }

        if (!User.IsOfficeHead())
        {
            await audit.RecordAsync(User.UserName(), User.Agency(), "report.publish", $"report:{year}", "拒绝：发布须由公开办负责人或管理员办理", cancellationToken);
            Error = "年度报告须由公开办负责人或管理员发布。";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await new ReportWorkspace(db, time, registry.Counting).PublishAsync(User.Agency(), year, User.UserName(), changeNote, cancellationToken);
        await audit.RecordAsync(User.UserName(), User.Agency(), "report.publish", $"report:{year}", result.Error is null ? $"发布第 {result.Number} 版{(string.IsNullOrWhiteSpace(changeNote) ? "" : "：" + changeNote.Trim())}" : "拒绝：" + result.Error, cancellationToken);
        if (result.Error is not null)
        {
            Error = result.Error;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = $"已发布第 {result.Number} 版，公众可在“年度报告”栏目查看。";
        return RedirectToPage(new { Year });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var agency = User.Agency();
        var thisYear = ChinaDate.Today(time).Year;
        var first = await db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency).Select(a => (int?)a.FirstReceivedOn.Year).MinAsync(cancellationToken) ?? thisYear - 1;
        Years = Enumerable.Range(first, Math.Max(1, thisYear - first + 1)).Reverse().ToList();
        if (Year is { } year)
        {
            Workspace = await new ReportWorkspace(db, time, registry.Counting).OpenAsync(agency, year, cancellationToken);
            if (Workspace is { Versions.Count: > 0 })
            {
                Names = await StaffNames.OfAgencyAsync(db, agency, cancellationToken);
            }
        }
    }

    /// <summary>Diagnostics of a table 二 row (any of its cells).</summary>
    public IEnumerable<Diagnostic> ForProactiveRow(ProactiveRow row) =>
        Workspace!.Diagnostics.Where(d => d.Location.Table == "二" && d.Location.RowKey is { } k && k.StartsWith(row.KeyStem + ".", StringComparison.Ordinal));

    /// <summary>Diagnostics of a table 三 row.</summary>
    public IEnumerable<Diagnostic> ForApplicationRow(string rowKey) =>
        Workspace!.Diagnostics.Where(d => d.Location.Table == "三" && d.Location.RowKey == rowKey);

    public bool IsFlagged(string rowKey, ApplicantColumn column) =>
        Workspace!.Diagnostics.Any(d => d.Severity == Severity.Error && d.Location.Table == "三" && d.Location.RowKey == rowKey && (d.Location.ColumnKey is null || d.Location.ColumnKey == column.Key()));

    public IEnumerable<Diagnostic> ForTable(string table) =>
        Workspace!.Diagnostics.Where(d => d.Location.Table == table && d.Location.RowKey is null);

    public IEnumerable<Diagnostic> ForSection(string section) =>
        Workspace!.Diagnostics.Where(d => d.Location.Section == section || (section == "meta" && d.Location == DiagnosticLocation.Report));

    public IEnumerable<Diagnostic> ForReviews() =>
        Workspace!.Diagnostics.Where(d => d.Location.Table == "四");

    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Error => "错误",
        Severity.Warning => "提示",
        Severity.Info => "说明",
    };
}
