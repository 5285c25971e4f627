using System.Globalization;
using Gongkai.Web.Hosting;
using Gongkai.Web.Hosting.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Staff;

/// <summary>Sign-in (<see cref="StaffSignIn"/>: no timing oracle, increasing delays, 429 with Retry-After), cookie session.</summary>
[EnableRateLimiting(RateLimits.SignInPolicy)]
[NotCasework]
public sealed partial class LoginModel(StaffSignIn signIn, Gongkai.Persistence.AuditLog audit, ILogger<LoginModel> log) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = UserName?.Trim() ?? string.Empty;
        var result = await signIn.VerifyAsync(userName, Password ?? string.Empty, HttpContext.RequestAborted);
        if (result.Principal is null)
        {
            if (result.Agency is { } agency)
            {
                await TryAudit(userName, agency, "登录失败：" + result.Error);
            }

            Error = result.Error;
            if (result.RetryAfter is { } wait)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return Page();
        }

        await TryAudit(result.Principal.UserName(), result.Principal.Agency(), "登录成功");
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
    }

    /// <summary>A full disk must not turn a correct password into an error page: the failed audit write is logged instead.</summary>
    private async Task TryAudit(string user, string agency, string detail)
    {
        try
        {
            await audit.RecordAsync(user, agency, "sign_in", user, detail, HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
        {
            AuditFailed(log, user, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "登录审计记录写入失败（{User}）")]
    private static partial void AuditFailed(ILogger logger, string user, Exception exception);
}
