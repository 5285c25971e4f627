using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Organisation;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>指南与设置: the agency administrator edits its 政府信息公开指南 and footer (the installation administrator any agency's).</summary>
[Authorize(Policy = "AgencyAdmin")]
[NotCasework]
public sealed class SettingsModel(GongkaiDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    public AgencyInfo? Shown { get; private set; }

    public Persistence.Entities.AgencyGuideRow Guide { get; private set; } = new();

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        Message = TempData["Message"] as string;
        return Load() ? Page() : NotFound();
    }

    public IActionResult OnPost()
    {
        if (!Load())
        {
            return NotFound();
        }

        var values = AgencyGuide.Fields.ToDictionary(f => f.Field, f => (string?)Request.Form[f.Field].ToString());
        Error = new AgencyGuide(db, audit, time).Save(Shown!.Code, values, User.UserName());
        if (Error is null)
        {
            TempData["Message"] = "已保存。";
            return RedirectToPage(new { agency = Agency });
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private bool Load()
    {
        var code = User.Role() == StaffRole.InstallationAdmin ? Agency?.Trim() : User.HomeAgency();
        Shown = new AgencyDirectory(db).Find(code);
        if (Shown is null)
        {
            return false;
        }

        Guide = new AgencyGuide(db, audit, time).Load(Shown.Code);
        return true;
    }
}
