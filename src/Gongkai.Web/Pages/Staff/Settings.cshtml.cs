using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>
/// 指南与设置: the agency administrator edits its 政府信息公开指南 and footer (the installation administrator any agency's).
/// The installation administrator's request context is read-only (it acts on no cases), so the guide is written through an
/// unscoped context; which agency is written is decided here (<see cref="LoadAsync"/>), by the role.
/// </summary>
[Authorize(Policy = "AgencyAdmin")]
[NotCasework]
public sealed class SettingsModel(GongkaiDbContext db, GongkaiOptions options, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public AgencyInfo? Shown { get; private set; }

    public Persistence.Entities.AgencyGuideRow Guide { get; private set; } = new();

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var values = AgencyGuide.Fields.ToDictionary(f => f.Field, f => (string?)Request.Form[f.Field].ToString());
        await using (var installation = Database.Open(options.Database))
        {
            Error = await new AgencyGuide(installation, audit, time).SaveAsync(Shown!.Code, values, User.UserName(), cancellationToken);
        }

        if (Error is null)
        {
            TempData["Message"] = "已保存。";
            return RedirectToPage(new { agency = Agency });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var code = User.Role() == StaffRole.InstallationAdmin ? Agency?.Trim() : User.HomeAgency();
        Shown = await new AgencyDirectory(db).FindAsync(code, cancellationToken);
        if (Shown is null)
        {
            return false;
        }

        Guide = await new AgencyGuide(db, audit, time).LoadAsync(Shown.Code, cancellationToken);
        return true;
    }
}
