using System.Security.Claims;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.UseCases.Accounts;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Staff sign-in with the framework's PasswordHasher (PBKDF2) and a lockout after repeated failures; a disabled
/// account cannot sign in. Roles: see <see cref="StaffRole"/>; the cookie carries the role's English name.
/// </summary>
public sealed class StaffAccounts(GongkaiDbContext db, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public static readonly string[] RoleNames = Enum.GetValues<StaffRole>().Select(r => r.Name()).ToArray();

    /// <param name="Agency">The account's agency when the account exists (failed attempts on it are logged there).</param>
    public sealed record SignIn(ClaimsPrincipal? Principal, string? Error, string? Agency = null);

    public SignIn Verify(string userName, string password)
    {
        var user = db.StaffUsers.SingleOrDefault(u => u.UserName == userName);
        var now = time.GetUtcNow();
        if (user is null)
        {
            return new SignIn(null, "用户名或密码不正确");
        }

        if (user.LockedUntilUtcTicks is { } until && until > now.UtcTicks)
        {
            return new SignIn(null, "登录失败次数过多，账户已暂时锁定，请 15 分钟后再试", user.AgencyCode);
        }

        if (!StaffPasswords.Verify(user, password))
        {
            user.FailedAttempts++;
            if (user.FailedAttempts >= MaxFailures)
            {
                user.LockedUntilUtcTicks = now.Add(LockoutTime).UtcTicks;
                user.FailedAttempts = 0;
            }

            db.SaveChanges();
            return new SignIn(null, "用户名或密码不正确", user.AgencyCode);
        }

        if (user.Disabled)
        {
            return new SignIn(null, "账户已停用，请联系本机关管理员", user.AgencyCode);
        }

        user.FailedAttempts = 0;
        user.LockedUntilUtcTicks = null;
        db.SaveChanges();
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim("display_name", user.DisplayName),
                new Claim(ClaimTypes.Role, ((StaffRole)user.Role).Name()),
                new Claim("agency", user.AgencyCode),
            ],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        return new SignIn(new ClaimsPrincipal(identity), null, user.AgencyCode);
    }
}
