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

    public void OnGet()
    {
        Message = TempData["Message"] as string;
        Load();
    }

    public IActionResult OnPostAdd(ReviewKind kind, DateOnly? filedOn, bool coDefendant)
    {
        var agency = User.Agency();
        Guid? applicationId = null;
        if (!string.IsNullOrWhiteSpace(Tracking))
        {
            applicationId = db.Applications.Where(a => a.AgencyCode == agency && a.TrackingNumber == Tracking.Trim()).Select(a => (Guid?)a.Id).SingleOrDefault();
            if (applicationId is null)
            {
                return Fail($"没有受理编号为“{Tracking}”的申请");
            }
        }

        if (!Enum.IsDefined(kind))
        {
            return Fail("请选择类别");
        }

        if (filedOn is not { } filed || filed > ChinaDate.Today(time))
        {
            return Fail("请填写收到复议申请书或起诉状副本的日期（不能晚于今天）");
        }

        var review = new ReviewCase(Guid.NewGuid(), agency, applicationId, kind, filed, ReviewResult.Pending, null, coDefendant);
        new CaseStore(db).AddReview(review);
        audit.Record(User.UserName(), agency, "review.add", Tracking?.Trim() ?? review.Id.ToString(), $"登记{kind.Label()}，收到日期 {filed:yyyy-MM-dd}{(coDefendant ? "，本机关作为复议机关共同被告（不计入本机关表四）" : "")}");
        TempData["Message"] = $"已登记{kind.Label()}。";
        return RedirectToPage();
    }

    public IActionResult OnPostResult(Guid id, ReviewResult result, DateOnly? decidedOn)
    {
        if (!Enum.IsDefined(result))
        {
            return Fail("请选择结果");
        }

        if (result != ReviewResult.Pending && decidedOn is null)
        {
            return Fail("请填写审结日期");
        }

        if (decidedOn > ChinaDate.Today(time))
        {
            return Fail("审结日期不能晚于今天");
        }

        var existing = db.Reviews.AsNoTracking().SingleOrDefault(r => r.Id == id && r.AgencyCode == User.Agency());
        if (existing is null)
        {
            return NotFound();
        }

        if (decidedOn < existing.FiledOn)
        {
            return Fail("审结日期不能早于收到日期");
        }

        new CaseStore(db).RecordReviewResult(id, User.Agency(), result, result == ReviewResult.Pending ? null : decidedOn);
        audit.Record(User.UserName(), User.Agency(), "review.result", id.ToString(), $"{result.Label()}{(decidedOn is { } d && result != ReviewResult.Pending ? "，审结日期 " + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")}");
        TempData["Message"] = "已登记结果。";
        return RedirectToPage();
    }

    private IActionResult Fail(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Load();
        return Page();
    }

    private void Load()
    {
        Today = ChinaDate.Today(time);
        var agency = User.Agency();
        var numbers = db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency && db.Reviews.Any(r => r.ApplicationId == a.Id))
            .Select(a => new { a.Id, a.TrackingNumber }).ToDictionary(a => a.Id, a => a.TrackingNumber);
        Rows = new CaseStore(db).Reviews(agency).OrderByDescending(r => r.FiledOn)
            .Select(r => new Row(r, r.ApplicationId is { } id ? numbers.GetValueOrDefault(id) : null, r.ApplicationId))
            .ToList();
    }
}
