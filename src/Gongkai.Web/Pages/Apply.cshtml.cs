using Gongkai.Domain.Calendar;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>The application form (条例第二十九条): returns the tracking number and access code.</summary>
[EnableRateLimiting(GongkaiHost.ApplyPolicy)]
public sealed class ApplyModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options) : PageModel
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new();

    public SubmitApplication.Receipt? Receipt { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task OnPostAsync()
    {
        Form.Agency = "DEMO";
        var (receipt, errors) = await new SubmitApplication(db, calendar, time, options.AccessCodeSecret).RunAsync(Form, "公众（网上申请）", cancel: HttpContext.RequestAborted);
        Receipt = receipt;
        Errors = errors;
    }

    public IHtmlContent ErrorFor(string field) =>
        Errors.TryGetValue(field, out var messages)
            ? new HtmlString($"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(messages[0])}</p>")
            : HtmlString.Empty;
}
