using Gongkai.Persistence;
using Gongkai.Web.Hosting;
using Gongkai.Web.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Staff;

/// <summary>我的邮箱: the address where an officer receives the daily digest of cases due and overdue; empty stops it.</summary>
public sealed class EmailModel(GongkaiDbContext db, AuditLog audit, SmtpSettings smtp, DigestSettings digest) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Whether digests are sent at all (a mail server configured and the digest on).</summary>
    public bool Sending => smtp.Enabled && digest.Enabled;

    public int Hour => digest.Hour;

    /// <summary>Whether the reader works cases (and so gets the digest): a 监督人员 handles none, and its post answers 403.</summary>
    public bool MayAct => User.WorksCases();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = User.UserName();
        Email = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == user).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim() ?? string.Empty;
        if (email.Length > 200 || (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            Error = "电子邮箱地址格式不正确。";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var user = User.UserName();
        await db.StaffUsers.Where(u => u.UserName == user).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, email.Length == 0 ? null : email), cancellationToken);
        await audit.RecordAsync(user, User.Agency(), "user.email", user, email.Length == 0 ? "取消每日待办提醒邮箱" : "设置每日待办提醒邮箱：" + email, cancellationToken);
        Email = email;
        Message = email.Length == 0 ? "已取消，不再发送每日待办提醒。" : "已保存。";
        return Page();
    }
}
