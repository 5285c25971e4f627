using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Organisation;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>The application form (条例第二十九条) of one agency or with a choice of agency: returns the tracking number and access code.</summary>
[EnableRateLimiting(GongkaiHost.ApplyPolicy)]
public sealed class ApplyModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options) : PageModel
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    public SubmitApplication.Receipt? Receipt { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>The agency of a per-agency address (/agencies/{agency}/apply); else the applicant chooses.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    /// <summary>The active agencies, for the choice (none shown when there is only one).</summary>
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public AgencyInfo? Fixed { get; private set; }

    public IActionResult OnGet() => Prepare() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Prepare())
        {
            return NotFound();
        }

        Form.Agency = Fixed?.Code ?? Form.Agency;
        var (receipt, errors) = await new SubmitApplication(db, calendar, time, options.AccessCodeSecret).RunAsync(Form, "公众（网上申请）", cancel: HttpContext.RequestAborted);
        Receipt = receipt;
        Errors = errors;
        return Page();
    }

    private bool Prepare()
    {
        var directory = new AgencyDirectory(db);
        Agencies = directory.Active();
        if (!string.IsNullOrWhiteSpace(Agency))
        {
            Fixed = Agencies.FirstOrDefault(a => a.Code == Agency);
            return Fixed is not null;
        }

        Fixed = Agencies.Count == 1 ? Agencies[0] : null;
        return true;
    }

    public IHtmlContent ErrorFor(string field) =>
        Errors.TryGetValue(field, out var messages)
            ? new HtmlString($"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(messages[0])}</p>")
            : HtmlString.Empty;
}
