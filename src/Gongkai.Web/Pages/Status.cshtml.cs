using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>Status by tracking number and access code; the code travels in a POST body, never in the URL.</summary>
[EnableRateLimiting(GongkaiHost.StatusPolicy)]
public sealed class StatusModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public LookUpStatus.Status? Result { get; private set; }

    public bool NoMatch { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        Result = string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(Code)
            ? null
            : await new LookUpStatus(db, calendar, time, options.AccessCodeSecret).RunAsync(Number.Trim(), Code, HttpContext.RequestAborted);
        NoMatch = Result is null;
    }
}
