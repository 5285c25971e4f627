using Gongkai.Persistence;
using Gongkai.Reporting.Json;
using Gongkai.Reporting.Rendering;
using Gongkai.UseCases.Reports;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Reports;

/// <summary>A published annual report in the official layout: the current version (or one named version) and its history.</summary>
public sealed class ReportModel(GongkaiDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReportWorkspace.PublishedVersion> Versions { get; private set; } = [];

    public ReportWorkspace.PublishedVersion Shown { get; private set; } = null!;

    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    public async Task<IActionResult> OnGetAsync(string agency, int year, string? version, CancellationToken cancellationToken)
    {
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                return NotFound();
            }

            number = n;
        }

        var workspace = new ReportWorkspace(db, time);
        Versions = await workspace.VersionsAsync(agency, year, cancellationToken);
        var shown = number is null ? Versions.LastOrDefault() : Versions.FirstOrDefault(v => v.Number == number);
        if (shown is null || await workspace.VersionJsonAsync(agency, year, shown.Number, cancellationToken) is not { } json || CanonicalJsonReader.Read(json).Report is not { } report)
        {
            return NotFound();
        }

        Shown = shown;
        Body = new HtmlString(ReportRenderer.RenderHtmlBody(report));
        return Page();
    }
}
