using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Organisation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>An agency's 政府信息公开指南 (条例第十二条): its settings' structured fields and texts, with the statutory rules.</summary>
public sealed class AgencyModel(GongkaiDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public AgencyInfo Agency { get; private set; } = null!;

    public AgencyInfo? Parent { get; private set; }

    public AgencyGuideRow Guide { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var directory = new AgencyDirectory(db);
        if (await directory.FindAsync(code, cancellationToken) is not { } agency)
        {
            return NotFound();
        }

        Agency = agency;
        Parent = await directory.FindAsync(agency.Parent, cancellationToken);
        Guide = await new AgencyGuide(db, audit, time).LoadAsync(agency.Code, cancellationToken);
        return Page();
    }

    public static string OrUnset(string value) => string.IsNullOrWhiteSpace(value) ? "未填写" : value;
}
