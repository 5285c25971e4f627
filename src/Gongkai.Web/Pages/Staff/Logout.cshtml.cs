using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>Signs out (POST only, with the antiforgery token); open to every role.</summary>
[Hosting.NotCasework]
public sealed class LogoutModel(Gongkai.Persistence.AuditLog audit) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        audit.Record(Hosting.StaffClaims.UserName(User), Hosting.StaffClaims.Agency(User), "sign_out", Hosting.StaffClaims.UserName(User), "退出登录");
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
