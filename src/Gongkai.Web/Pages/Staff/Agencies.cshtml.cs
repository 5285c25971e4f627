using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 机关管理 (installation administrator): add an agency, move it under another, close it; each audited. The agencies are
/// the installation's, not an agency's: the request's context is scoped to the signed-in account's agency (read-only for
/// an installation administrator, who acts on no cases), so changes are written through an unscoped one, as the
/// calendar's are. The policy above is what admits the writer.
/// </summary>
[Authorize(Policy = "InstallationAdmin")]
[NotCasework]
public sealed class AgenciesModel(GongkaiDbContext db, GongkaiOptions options, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        Agencies = await new AgencyDirectory(db).ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(string code, string name, string? parent, AgencyLevel? level, AgencyKind? kind, CancellationToken cancellationToken) =>
        await DoneAsync("agency.add", code, await InstallationAsync(d => d.AddAsync(code ?? string.Empty, name ?? string.Empty, parent, level, kind, cancellationToken)), $"已添加机关 {name}（{code}）。", cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(string code, string? parent, CancellationToken cancellationToken) =>
        await DoneAsync("agency.move", code, await InstallationAsync(d => d.SetParentAsync(code ?? string.Empty, parent, cancellationToken)), $"已调整 {code} 的上级为 {(string.IsNullOrWhiteSpace(parent) ? "无" : parent)}。", cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(string code, CancellationToken cancellationToken) =>
        await DoneAsync("agency.close", code, await InstallationAsync(d => d.CloseAsync(code ?? string.Empty, ChinaDate.Today(time), cancellationToken)), $"已撤销机关 {code}。", cancellationToken);

    private async Task<string?> InstallationAsync(Func<AgencyDirectory, Task<string?>> change)
    {
        await using var installation = Database.Open(options.Database);
        return await change(new AgencyDirectory(installation));
    }

    private async Task<IActionResult> DoneAsync(string action, string? code, string? error, string message, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(User.UserName(), code?.Trim() ?? string.Empty, action, code?.Trim() ?? string.Empty, error is null ? message : "拒绝：" + error, cancellationToken);
        if (error is null)
        {
            TempData["Message"] = message;
            return RedirectToPage();
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Agencies = await new AgencyDirectory(db).ListAsync(cancellationToken);
        return Page();
    }
}
