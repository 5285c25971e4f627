using System.Globalization;
using Gongkai.Domain.Organisation;
using Gongkai.Domain.Reports;
using Gongkai.Persistence;
using Gongkai.UseCases.Notifications;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// 催报: queues a reminder e-mail to every agency of an overview that has not yet published (nor had a report
/// collected) for the year, at the e-mail address of its disclosure guide, through the outbox (so the mails commit
/// with the audit entry and are sent, retried, or reported failed by the outbox sender). One reminder per agency,
/// year and day: pressing the button twice sends nothing twice.
/// </summary>
public sealed class ReminderMails(GongkaiDbContext db, TimeProvider time)
{
    /// <summary>What was done: the agencies mailed, already mailed today, and those without a usable address.</summary>
    public sealed record Result(IReadOnlyList<string> Queued, IReadOnlyList<string> AlreadyToday, IReadOnlyList<string> NoAddress);

    /// <summary>The agencies an overview would remind: not started or only a draft.</summary>
    public static IReadOnlyList<OverviewRow> Waiting(Overview overview) =>
        overview.Agencies.Where(a => a.Status is ReportStatus.NotStarted or ReportStatus.Draft).ToList();

    public async Task<Result> QueueAsync(Overview overview, string by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(overview);
        try
        {
            return await QueueOnceAsync(overview, by, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request queued some of the same reminders at the same moment (the outbox's unique key refused
            // ours, nothing of this attempt was saved): looked up again, they are today's, and are reported so.
            db.ChangeTracker.Clear();
            return await QueueOnceAsync(overview, by, cancellationToken);
        }
    }

    private async Task<Result> QueueOnceAsync(Overview overview, string by, CancellationToken cancellationToken)
    {
        var waiting = Waiting(overview);
        var codes = waiting.Select(a => a.Code).ToList();
        var emails = await db.AgencyGuides.AsNoTracking().Where(g => codes.Contains(g.AgencyCode)).ToDictionaryAsync(g => g.AgencyCode, g => g.Email.Trim(), cancellationToken);
        var today = ChinaDate.Today(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outbox = new Outbox(db, time);
        // Today's reminders already queued, looked up once for all the agencies (not one query per agency).
        var keys = waiting.Select(a => Key(overview.Year, a.Code, today)).ToList();
        var sent = (await db.Set<Persistence.Outbox.OutboxRow>().AsNoTracking().Where(r => keys.Contains(r.DedupKey)).Select(r => r.DedupKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        List<string> queued = [], already = [], none = [];
        foreach (var a in waiting)
        {
            var to = emails.GetValueOrDefault(a.Code);
            if (!Organisation.AgencyGuide.IsMailAddress(to))
            {
                none.Add(a.Name);
                continue;
            }

            var key = Key(overview.Year, a.Code, today);
            if (!sent.Add(key))
            {
                already.Add(a.Name);
                continue;
            }

            db.Set<Persistence.Outbox.OutboxRow>().Add(outbox.New(new MailMessageDraft(key, overview.Under, null, to, Subject(overview.Year), Body(overview, a))));
            queued.Add(a.Name);
        }

        var detail = $"{overview.Year} 年度催报邮件：排队 {queued.Count} 封{Names(queued)}；今日已发 {already.Count}；无有效邮箱 {none.Count}{Names(none)}";
        await new AuditLog(db, time).RecordAsync(by, overview.Under, "催报邮件", $"{overview.Under}/{overview.Year}", detail, cancellationToken);
        return new Result(queued, already, none);
    }

    private static string Names(List<string> names) => names.Count == 0 ? string.Empty : $"（{string.Join("、", names)}）";

    private static string Key(int year, string code, string today) => $"remind:{year}:{code}:{today}";

    public static string Subject(int year) => $"请尽快公布{year}年度政府信息公开工作年度报告";

    private string Body(Overview overview, OverviewRow a)
    {
        var government = a.Kind == AgencyKind.Government;
        var deadline = PublicationDeadline.For(overview.Year, government).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        return $"""
            {a.Name}：

            根据《中华人民共和国政府信息公开条例》第四十九条、第五十条，{(government ? "县级以上地方人民政府" : "各级行政机关")}应当于{deadline}前向社会公布本机关上一年度政府信息公开工作年度报告。
            截至 {ChinaDate.Today(time):yyyy-MM-dd}，贵机关 {overview.Year} 年度报告的状态为：{a.Status}{(a.Late ? "，已超过公布期限" : "")}。
            请尽快完成并公布；已公布的，请将报告或公布网址告知我们。

            {overview.UnderName}
            """;
    }
}
