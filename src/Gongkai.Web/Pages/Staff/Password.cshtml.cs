using Gongkai.Persistence;
using Gongkai.UseCases.Accounts;
using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>修改密码: every signed-in user changes its own password (the current one required; the policy applies).</summary>
[NotCasework]
public sealed class PasswordModel(GongkaiDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string current, string password, string confirm, CancellationToken cancellationToken)
    {
        if (password != confirm)
        {
            Error = "两次输入的新密码不一致。";
        }
        else
        {
            Error = await new StaffDirectory(db, audit, time).ChangeOwnPasswordAsync(User.UserName(), current ?? string.Empty, password ?? string.Empty, cancellationToken);
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        // The new security stamp ends every sign-in of the account, this one too: sign in again with the new password.
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/staff/login?changed=1");
    }
}
