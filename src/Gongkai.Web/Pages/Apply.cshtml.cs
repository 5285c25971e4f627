using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Applications;
using Gongkai.UseCases.Attachments;
using Gongkai.UseCases.Organisation;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>The application form (条例第二十九条) of one agency or with a choice of agency: returns the tracking number and access code.</summary>
[EnableRateLimiting(GongkaiHost.ApplyPolicy)]
public sealed class ApplyModel(GongkaiDbContext db, WorkingDayCalendar calendar, TimeProvider time, GongkaiOptions options, AttachmentStore attachments, Mail.SmtpSettings smtp) : PageModel
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

    /// <summary>The agency of a per-agency address (/agencies/{agency}/apply); else the applicant chooses.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Agency { get; set; }

    /// <summary>The active agencies, for the choice (none shown when there is only one).</summary>
    public IReadOnlyList<AgencyInfo> Agencies { get; private set; } = [];

    public AgencyInfo? Fixed { get; private set; }

    /// <summary>An optional file sent with the application (identity proof or other material).</summary>
    [BindProperty]
    public IFormFile? Proof { get; set; }

    public string? AttachmentMessage { get; private set; }

    /// <summary>Whether e-mail is configured (else the receipt says no e-mail will come).</summary>
    public bool MailEnabled => smtp.Enabled;

    public bool AttachmentStored { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Token = Guid.NewGuid().ToString("N");
        return await PrepareAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await PrepareAsync(cancellationToken))
        {
            return NotFound();
        }

        Form.Agency = Fixed?.Code ?? Form.Agency;
        Form.Channel = Domain.Deadlines.ReceiptChannel.Online;
        Token = string.IsNullOrWhiteSpace(Token) ? Guid.NewGuid().ToString("N") : Token;
        var (receipt, errors) = await new SubmitApplication(db, calendar, time, options.AccessCodeSecret)
            .RunAsync(Form, "公众（网上申请）", idempotencyKey: "form:" + Token, cancellationToken: cancellationToken);
        Receipt = receipt;
        Errors = errors;
        if (receipt is not null && Proof is { Length: > 0 } proof)
        {
            var id = await db.Applications.AsNoTracking().Where(a => a.TrackingNumber == receipt.TrackingNumber).Select(a => a.Id).SingleAsync(cancellationToken);
            await using var content = proof.OpenReadStream();
            var added = await attachments.AddAsync(id, content, proof.FileName, AttachmentPurpose.Application, AttachmentStore.ApplicantActor, byApplicant: true, cancellationToken);
            AttachmentStored = added.Attachment is not null;
            AttachmentMessage = AttachmentStored ? added.Message : $"申请已提交，但附件没有保存：{added.Message}。可以在查询页面或通过接口补充上传。";
        }

        return Page();
    }

    private async Task<bool> PrepareAsync(CancellationToken cancellationToken)
    {
        Agencies = await new AgencyDirectory(db).ActiveAsync(cancellationToken);
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
