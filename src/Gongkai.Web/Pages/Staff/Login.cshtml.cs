using Gongkai.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Staff;

/// <summary>Sign-in: PasswordHasher, lockout after 5 failures, cookie session.</summary>
public sealed class LoginModel(StaffAccounts accounts, Gongkai.Persistence.AuditLog audit) : PageModel
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
        var result = accounts.Verify(UserName?.Trim() ?? string.Empty, Password ?? string.Empty);
        if (result.Principal is null)
        {
            if (result.Agency is { } agency)
            {
                audit.Record(UserName!.Trim(), agency, "sign_in", UserName.Trim(), "登录失败：" + result.Error);
            }

            Error = result.Error;
            return Page();
        }

        audit.Record(result.Principal.UserName(), result.Principal.Agency(), "sign_in", result.Principal.UserName(), "登录成功");
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, result.Principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
    }
}
