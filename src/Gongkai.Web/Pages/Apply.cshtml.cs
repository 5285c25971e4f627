using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
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

    /// <summary>The form's one-time token: the same form posted twice files one application (its idempotency key).</summary>
    [BindProperty]
    public string? Token { get; set; }

    /// <summary>The applicant columns of table 三 as the form offers them.</summary>
    public static readonly IReadOnlyList<(ApplicantCategory Value, string Label)> Categories =
        Enum.GetValues<ApplicantCategory>().Select(c => (c, c == ApplicantCategory.NaturalPerson ? "自然人" : "法人或其他组织：" + c.Column().Label())).ToArray();

    public void OnGet()
    {
        Token = Guid.NewGuid().ToString("N");
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Form.Agency = "DEMO";
        Form.Channel = Domain.Deadlines.ReceiptChannel.Online;
        Token = string.IsNullOrWhiteSpace(Token) ? Guid.NewGuid().ToString("N") : Token;
        var (receipt, errors) = await new SubmitApplication(db, calendar, time, options.AccessCodeSecret)
            .RunAsync(Form, "公众（网上申请）", idempotencyKey: "form:" + Token, cancellationToken: cancellationToken);
        Receipt = receipt;
        Errors = errors;
    }

    public IHtmlContent ErrorFor(string field) =>
        Errors.TryGetValue(field, out var messages)
            ? new HtmlString($"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(messages[0])}</p>")
            : HtmlString.Empty;
}
