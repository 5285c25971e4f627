using System.Globalization;
using System.Text;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Deadlines;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Notifications;

/// <summary>
/// 每日待办提醒: each officer with an e-mail address gets, once a day, the list of their open cases that are overdue
/// or due within three working days (条例第三十三条 deadlines); an office head also gets the replies waiting for
/// approval. Queued in the outbox under one key per officer per day, so a second pass, a restart or a second server
/// never queues it twice (the key is unique in the database). Nobody is written to when there is nothing to say.
/// </summary>
public sealed class OfficerDigests(GongkaiDbContext db, WorkingDayCalendar calendar)
{
    /// <summary>Working days ahead that count as "due soon".</summary>
    public const int SoonDays = 3;

    public static string Key(string agency, string userName, DateOnly day) => $"digest:{agency}:{userName}:{day:yyyy-MM-dd}";

    /// <summary>Queues today's digest for every officer who has none yet. Returns how many were queued.</summary>
    public async Task<int> QueueAsync(Outbox outbox, DateOnly today, CancellationToken cancel = default)
    {
        var officers = await db.StaffUsers.AsNoTracking()
            .Where(u => !u.Disabled && u.Email != null && u.Email != "" && (u.Role == (int)StaffRole.Clerk || u.Role == (int)StaffRole.Head || u.Role == (int)StaffRole.Admin))
            .OrderBy(u => u.Id).Select(u => new { u.UserName, u.DisplayName, u.AgencyCode, u.Email, u.Role }).ToListAsync(cancel);
        var queued = 0;
        foreach (var officer in officers)
        {
            var key = Key(officer.AgencyCode, officer.UserName, today);
            if (await db.Set<Persistence.Outbox.OutboxRow>().AnyAsync(r => r.DedupKey == key, cancel))
            {
                continue;
            }

            var head = officer.Role is (int)StaffRole.Head or (int)StaffRole.Admin;
            if (await ComposeAsync(officer.AgencyCode, officer.UserName, officer.DisplayName, head, today, cancel) is { } body &&
                await outbox.EnqueueAsync(new MailMessageDraft(key, officer.AgencyCode, null, officer.Email!, $"每日待办提醒（{today:yyyy-MM-dd}）", body), cancel))
            {
                queued++;
            }
        }

        return queued;
    }

    /// <summary>The digest's text for one officer, or null when nothing is overdue, due soon or waiting for approval.</summary>
    public async Task<string?> ComposeAsync(string agency, string userName, string displayName, bool isHead, DateOnly today, CancellationToken cancel = default)
    {
        var soon = WorkingDays.Add(calendar, today, SoonDays);
        var open = db.Applications.AsNoTracking().Where(a => a.AgencyCode == agency && a.State != (int)ApplicationState.Closed);
        var mine = await new CaseStore(db).LoadAsync(open.Where(a => a.AssignedOfficer == userName).OrderBy(a => a.FirstReceivedOn), cancel);
        var dated = mine.Select(m => (m.Application, Due: m.Application.ReplyDeadline(calendar, DeadlinePolicy.Default, today)?.EffectiveDue))
            .Where(x => x.Due is { } due && due <= soon).OrderBy(x => x.Due).ThenBy(x => x.Application.TrackingNumber, StringComparer.Ordinal).ToList();
        var approvals = isHead
            ? await open.Where(a => a.State == (int)ApplicationState.AwaitingApproval).OrderBy(a => a.ProposedOn).ThenBy(a => a.TrackingNumber)
                .Select(a => new { a.TrackingNumber, a.ProposedBy, a.ProposedOn }).ToListAsync(cancel)
            : [];
        if (dated.Count == 0 && approvals.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{displayName}：\n\n截至 {today:yyyy-MM-dd}，");
        var overdue = dated.Where(x => x.Due < today).ToList();
        var dueSoon = dated.Where(x => x.Due >= today).ToList();
        text.Append(CultureInfo.InvariantCulture, $"您承办的申请中已逾期 {overdue.Count} 件，{SoonDays} 个工作日内到期 {dueSoon.Count} 件。\n");
        void List(string title, IEnumerable<(DisclosureApplication Application, DateOnly? Due)> rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{title}：\n");
            foreach (var (a, due) in rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {a.TrackingNumber}　答复期限 {due:yyyy-MM-dd}　{Shorten(a.Request)}\n");
            }
        }

        if (overdue.Count > 0)
        {
            List("已逾期", overdue);
        }

        if (dueSoon.Count > 0)
        {
            List($"{SoonDays} 个工作日内到期", dueSoon);
        }

        if (approvals.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n待您审核的答复意见（{approvals.Count} 件）：\n");
            foreach (var a in approvals)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {a.TrackingNumber}　{a.ProposedBy} 于 {a.ProposedOn:yyyy-MM-dd} 报送\n");
            }
        }

        text.Append("\n请登录工作台办理。本邮件由系统每日自动发送，请勿直接回复。");
        return text.ToString();
    }

    private static string Shorten(string request) => request.Length <= 40 ? request : request[..40] + "…";
}
