using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Supervision;
using Gongkai.Web.Hosting;
using Gongkai.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff.Supervise;

/// <summary>
/// 催报名单: the agencies that have not yet published (nor had a report collected) for the year, with the contacts of
/// their disclosure guide, printable; and reminder e-mails to them queued through the outbox (audited), with a
/// warning when no SMTP host is configured (the mails then wait in the queue).
/// </summary>
[NotCasework]
public sealed class RemindersModel(GongkaiOptions options, TimeProvider time, SmtpSettings smtp) : SupervisePage(options, time)
{
    public sealed record Row(OverviewRow Agency, DateOnly Deadline, AgencyGuideRow? Guide);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Whether an SMTP host and sender are configured (Gongkai:Smtp); otherwise mails only wait in the queue.</summary>
    public bool MailEnabled => smtp.Enabled;

    public string? Message { get; private set; }

    public int WithEmail => Rows.Count(r => Gongkai.UseCases.Organisation.AgencyGuide.IsMailAddress(r.Guide?.Email));

    public async Task OnGetAsync()
    {
        Message = TempData["Message"] as string;
        await LoadAsync(await BuildOverviewAsync());
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        var overview = await BuildOverviewAsync();
        await using var db = SupervisionAccess.Open(Options);
        var result = await new ReminderMails(db, Time).QueueAsync(overview, User.UserName(), HttpContext.RequestAborted);
        TempData["Message"] = $"已将 {result.Queued.Count} 封催报邮件放入发信队列"
            + (result.AlreadyToday.Count > 0 ? $"；{result.AlreadyToday.Count} 个机关今日已催报，未重复发送" : "")
            + (result.NoAddress.Count > 0 ? $"；{result.NoAddress.Count} 个机关没有有效的电子邮箱（{string.Join("、", result.NoAddress)}），请电话联系" : "")
            + (MailEnabled ? "。" : "。注意：未配置邮件服务器，邮件在配置后才会发出。");
        return Redirect($"/staff/supervise/reminders?{Query}");
    }

    private async Task LoadAsync(Overview overview)
    {
        var waiting = ReminderMails.Waiting(overview);
        await using var db = SupervisionAccess.Open(Options);
        var codes = waiting.Select(a => a.Code).ToList();
        var guides = await db.AgencyGuides.AsNoTracking().Where(g => codes.Contains(g.AgencyCode)).ToDictionaryAsync(g => g.AgencyCode, HttpContext.RequestAborted);
        Rows = waiting.Select(a => new Row(
            a, Gongkai.Domain.Reports.PublicationDeadline.For(SelectedYear, a.Kind == Gongkai.Domain.Organisation.AgencyKind.Government),
            guides.GetValueOrDefault(a.Code))).ToList();
    }
}
