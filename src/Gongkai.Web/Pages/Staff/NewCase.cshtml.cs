using Gongkai.Domain.Calendar;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>Registers an application received in person, by post or by fax, with the channel and the date it was received (条例第三十一条).</summary>
public sealed class NewCaseModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options, AuditLog audit) : PageModel
{
    [BindProperty]
    public ApplicationForm Form { get; set; } = new() { Channel = Domain.Deadlines.ReceiptChannel.InPerson };

    [BindProperty]
    public DateOnly? ReceivedOn { get; set; }

    public SubmitApplication.Receipt? Receipt { get; private set; }

    public Guid? CaseId { get; private set; }

    /// <summary>The registered case as stored (what the 回执 prints), with its agency's name.</summary>
    public Domain.Applications.DisclosureApplication? Registered { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    /// <summary>Where the applicant follows the case (the public status page, the number filled in).</summary>
    /// <summary>The 回执 of the registered case.</summary>
    public ReceiptView? ReceiptView => Receipt is { } r && Registered is { } a ? new ReceiptView(r, a, AgencyName, StatusUrl) : null;

    public string StatusUrl => $"{Request.Scheme}://{Request.Host}/status?number={Uri.EscapeDataString(Receipt?.TrackingNumber ?? string.Empty)}";

    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public DateOnly Today => ChinaDate.Today(time);

    /// <summary>The form's one-time token (idempotency key): posting the same form twice registers one case.</summary>
    [BindProperty]
    public string? Token { get; set; }

    /// <summary>
    /// Whether <paramref name="user"/> registers applications: the roles that work an agency's cases. A supervisor
    /// (监督人员) or the installation administrator reads only; the form's post would be refused (<see cref="CaseworkOnly"/>).
    /// </summary>
    public static bool MayRegister(System.Security.Claims.ClaimsPrincipal user) =>
        user is not null && user.Role() is { } role && role.ActsOnCases();

    public IActionResult OnGet()
    {
        if (!MayRegister(User))
        {
            // Said before anything is typed, not after the post is refused and the text lost.
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Token = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Token = string.IsNullOrWhiteSpace(Token) ? Guid.NewGuid().ToString("N") : Token;
        Form.Agency = User.Agency();
        if (ReceivedOn is null)
        {
            Errors["ReceivedOn"] = ["请填写收到申请的日期"];
            return;
        }

        var (receipt, errors) = await new SubmitApplication(db, calendar, time, options.AccessCodeSecret)
            .RunAsync(Form, User.UserName(), ReceivedOn, assignTo: User.UserName(), idempotencyKey: "staff:" + Token, cancellationToken: cancellationToken);
        Receipt = receipt;
        Errors = errors;
        if (receipt is not null)
        {
            CaseId = await db.Applications.Where(a => a.TrackingNumber == receipt.TrackingNumber).Select(a => a.Id).SingleAsync(cancellationToken);
            Registered = await new CaseStore(db).GetAsync(CaseId.Value, cancellationToken);
            AgencyName = await db.Agencies.AsNoTracking().Where(a => a.Code == User.Agency()).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? User.Agency();
            await audit.RecordAsync(User.UserName(), User.Agency(), "case.register", receipt.TrackingNumber, $"登记{Domain.Deadlines.ReceiptChannels.Label(Form.Channel)}收到的申请，收到日期 {receipt.ReceivedOn:yyyy-MM-dd}", cancellationToken);
        }
    }

    public IHtmlContent ErrorFor(string field) =>
        Errors.TryGetValue(field, out var messages)
            ? new HtmlString($"<p class=\"error\">{System.Net.WebUtility.HtmlEncode(messages[0])}</p>")
            : HtmlString.Empty;
}
