using Gongkai.Domain.Reviews;
using Gongkai.Persistence;
using Gongkai.UseCases.Time;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>行政复议、行政诉讼 about the agency's disclosure decisions: register, record results (they feed table 四).</summary>
public sealed class ReviewsModel(GongkaiDbContext db, TimeProvider time, AuditLog audit) : PageModel
{
    public sealed record Row(ReviewCase Review, string? TrackingNumber, Guid? ApplicationId);

    [BindProperty(SupportsGet = true)]
    public string? Tracking { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Whether the reader works cases: a 监督人员 reads the page without its forms (its posts answer 403).</summary>
    public bool MayAct => User.WorksCases();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(ReviewKind kind, DateOnly? filedOn, bool coDefendant, CancellationToken cancellationToken)
    {
        var agency = User.Agency();
        Guid? applicationId = null;
        if (!string.IsNullOrWhiteSpace(Tracking))
        {
            applicationId = await db.Applications.Where(a => a.AgencyCode == agency && a.TrackingNumber == Tracking.Trim()).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (applicationId is null)
            {
                return await FailAsync($"没有受理编号为“{Tracking}”的申请", cancellationToken);
            }
        }

        if (!Enum.IsDefined(kind))
        {
            return await FailAsync("请选择类别", cancellationToken);
        }

        if (filedOn is not { } filed || filed > ChinaDate.Today(time))
        {
            return await FailAsync("请填写收到复议申请书或起诉状副本的日期（不能晚于今天）", cancellationToken);
        }

        var review = new ReviewCase(Guid.NewGuid(), agency, applicationId, kind, filed, ReviewResult.Pending, null, coDefendant);
        await new CaseStore(db).AddReviewAsync(review, cancellationToken);
        await audit.RecordAsync(User.UserName(), agency, "review.add", Tracking?.Trim() ?? review.Id.ToString(), $"登记{kind.Label()}，收到日期 {filed:yyyy-MM-dd}{(coDefendant ? "，本机关作为复议机关共同被告（不计入本机关表四）" : "")}", cancellationToken);
        TempData["Message"] = $"已登记{kind.Label()}。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResultAsync(Guid id, ReviewResult result, DateOnly? decidedOn, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(result))
        {
            return await FailAsync("请选择结果", cancellationToken);
        }

        if (result != ReviewResult.Pending && decidedOn is null)
        {
            return await FailAsync("请填写审结日期", cancellationToken);
        }

        if (decidedOn > ChinaDate.Today(time))
        {
            return await FailAsync("审结日期不能晚于今天", cancellationToken);
        }

        var existing = await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.AgencyCode == User.Agency(), cancellationToken);
        if (existing is null)
        {
            return NotFound();
        }

        if (decidedOn < existing.FiledOn)
        {
            return await FailAsync("审结日期不能早于收到日期", cancellationToken);
        }

        await new CaseStore(db).RecordReviewResultAsync(id, User.Agency(), result, result == ReviewResult.Pending ? null : decidedOn, cancellationToken);
        await audit.RecordAsync(User.UserName(), User.Agency(), "review.result", id.ToString(), $"{result.Label()}{(decidedOn is { } d && result != ReviewResult.Pending ? "，审结日期 " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}", cancellationToken);
        TempData["Message"] = "已登记结果。";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = ChinaDate.Today(time);
        var agency = User.Agency();
        var numbers = await db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency && db.Reviews.Any(r => r.ApplicationId == a.Id))
            .Select(a => new { a.Id, a.TrackingNumber }).ToDictionaryAsync(a => a.Id, a => a.TrackingNumber, cancellationToken);
        Rows = (await new CaseStore(db).ReviewsAsync(agency, cancellationToken)).OrderByDescending(r => r.FiledOn)
            .Select(r => new Row(r, r.ApplicationId is { } id ? numbers.GetValueOrDefault(id) : null, r.ApplicationId))
            .ToList();
    }
}
