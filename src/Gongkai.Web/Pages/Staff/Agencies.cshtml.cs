using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>机关管理 (installation administrator): add an agency, move it under another, close it; each audited.</summary>
[Authorize(Policy = "InstallationAdmin")]
[NotCasework]
public sealed class AgenciesModel(GongkaiDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
        Message = TempData["Message"] as string;
        Agencies = new AgencyDirectory(db).List();
    }

    public IActionResult OnPostAdd(string code, string name, string? parent, AgencyLevel? level, AgencyKind? kind) =>
        Done("agency.add", code, new AgencyDirectory(db).Add(code ?? string.Empty, name ?? string.Empty, parent, level, kind), $"已添加机关 {name}（{code}）。");

    public IActionResult OnPostMove(string code, string? parent) =>
        Done("agency.move", code, new AgencyDirectory(db).SetParent(code ?? string.Empty, parent), $"已调整 {code} 的上级为 {(string.IsNullOrWhiteSpace(parent) ? "无" : parent)}。");

    public IActionResult OnPostClose(string code) =>
        Done("agency.close", code, new AgencyDirectory(db).Close(code ?? string.Empty, ChinaDate.Today(time)), $"已撤销机关 {code}。");

    private IActionResult Done(string action, string? code, string? error, string message)
    {
        audit.Record(User.UserName(), code?.Trim() ?? string.Empty, action, code?.Trim() ?? string.Empty, error is null ? message : "拒绝：" + error);
        if (error is null)
        {
            TempData["Message"] = message;
            return RedirectToPage();
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Agencies = new AgencyDirectory(db).List();
        return Page();
    }
}
