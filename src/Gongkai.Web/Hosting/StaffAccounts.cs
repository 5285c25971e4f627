using System.Security.Claims;
using System.Security.Cryptography;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Staff sign-in with the framework's PasswordHasher (PBKDF2) and a lockout after repeated failures.
/// Roles: 办理人员 (clerk), 公开办负责人 (office head, approves extensions), 管理员 (admin).
/// </summary>
public sealed class StaffAccounts(GongkaiDbContext db, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public static readonly string[] RoleNames = ["clerk", "head", "admin"];

    private static readonly PasswordHasher<StaffUserRow> Hasher = new();

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

        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
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

        user.FailedAttempts = 0;
        user.LockedUntilUtcTicks = null;
        db.SaveChanges();
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim("display_name", user.DisplayName),
                new Claim(ClaimTypes.Role, RoleNames[user.Role]),
                new Claim("agency", user.AgencyCode),
            ],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        return new SignIn(new ClaimsPrincipal(identity), null, user.AgencyCode);
    }

    /// <summary>Creates the demo accounts once; returns their passwords to print (never stored in clear).</summary>
    public IReadOnlyList<(string User, string Role, string Password)> EnsureDemoAccounts(string agency, string? fixedPassword)
    {
        if (db.StaffUsers.Any())
        {
            return [];
        }

        var created = new List<(string, string, string)>();
        foreach (var (user, display, role) in new[] { ("clerk", "办理人员（演示）", 0), ("head", "公开办负责人（演示）", 1), ("admin", "管理员（演示）", 2) })
        {
            var password = fixedPassword ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(9));
            var row = new StaffUserRow { UserName = user, DisplayName = display, Role = role, AgencyCode = agency };
            row.PasswordHash = Hasher.HashPassword(row, password);
            db.StaffUsers.Add(row);
            created.Add((user, RoleNames[role], password));
        }

        db.SaveChanges();
        return created;
    }
}
