using Gongkai.Web.Hosting.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>Signs out (POST only, with the antiforgery token); open to every role; a new security stamp revokes every copy of the cookie.</summary>
[Hosting.NotCasework]
public sealed class LogoutModel(Gongkai.Persistence.AuditLog audit, Gongkai.Persistence.GongkaiDbContext db) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = Hosting.StaffClaims.UserName(User);
        await audit.RecordAsync(user, Hosting.StaffClaims.Agency(User), "sign_out", user, "退出登录", HttpContext.RequestAborted);
        await StaffSignIn.RevokeSessionsAsync(db, user, HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
