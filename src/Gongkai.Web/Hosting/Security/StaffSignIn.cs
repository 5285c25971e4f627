using System.Security.Claims;
using System.Security.Cryptography;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Gongkai.UseCases.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// Staff sign-in that gives an attacker nothing to measure and little to try:
/// <list type="bullet">
/// <item>an unknown user name costs one password hash like a known one (no timing oracle), and gets the same message;</item>
/// <item>each attempt is counted before the password is checked, in one UPDATE (failed_attempts + 1) guarded by
/// "not delayed now", so 40 parallel guesses check at most <see cref="FreeFailures"/> passwords, not 12;</item>
/// <item>after <see cref="FreeFailures"/> failures each further attempt waits an increasing delay (15 s, 30 s, 1 min …,
/// at most 15 min) answered 429 with Retry-After — never a lock that lasts as long as anyone keeps failing: one
/// attempt is allowed whenever the delay has passed, and a correct password then resets the count;</item>
/// <item>the per-address limit (rate limiter "sign-in") stops one address from cycling through accounts.</item>
/// </list>
/// Writes that fail (a full disk) never turn a correct password into an error: they are logged and sign-in goes on.
/// </summary>
public sealed partial class StaffSignIn(GongkaiDbContext db, TimeProvider time, ILogger<StaffSignIn> log)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    public const string WrongCredentials = "用户名或密码不正确";

    /// <summary>The claim carrying the account's security stamp (see <see cref="SessionStamp"/>).</summary>
    public const string StampClaim = "stamp";

    // Hashed once with the same hasher and iteration count as real accounts, so an unknown name costs the same.
    private static readonly StaffUserRow Dummy = DummyAccount();

    /// <param name="Agency">The account's agency when it exists (failed attempts are audited there).</param>
    /// <param name="RetryAfter">Set when the account is delayed: the answer is 429 with this Retry-After.</param>
    public sealed record Result(ClaimsPrincipal? Principal, string? Error, string? Agency = null, TimeSpan? RetryAfter = null);

    public static TimeSpan Delay(int failures) => failures < FreeFailures
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(failures - FreeFailures, 16)));

    public async Task<Result> VerifyAsync(string userName, string password, CancellationToken cancel = default)
    {
        var user = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, cancel);
        if (user is null)
        {
            StaffPasswords.Verify(Dummy, password);
            return new Result(null, WrongCredentials);
        }

        var now = time.GetUtcNow().UtcTicks;
        var reservedUntil = now + FirstDelay.Ticks;
        int? counted;
        try
        {
            // One statement: count this attempt and, from the FreeFailures-th on, hold off parallel attempts while this
            // one is checked. Zero rows: the account is in its delay.
            var rows = await db.StaffUsers
                .Where(u => u.Id == user.Id && (u.LockedUntilUtcTicks == null || u.LockedUntilUtcTicks <= now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.FailedAttempts, u => u.FailedAttempts + 1)
                    .SetProperty(u => u.LockedUntilUtcTicks, u => u.FailedAttempts + 1 >= FreeFailures ? (long?)reservedUntil : u.LockedUntilUtcTicks), cancel);
            if (rows == 0)
            {
                var until = await db.StaffUsers.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.LockedUntilUtcTicks).SingleAsync(cancel) ?? now;
                var wait = TimeSpan.FromTicks(Math.Max(until - now, TimeSpan.TicksPerSecond));
                return new Result(null, $"登录失败次数过多，请 {Math.Ceiling(wait.TotalSeconds):0} 秒后再试", user.AgencyCode, wait);
            }

            counted = await db.StaffUsers.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.FailedAttempts).SingleAsync(cancel);
        }
        catch (DbUpdateException ex)
        {
            WriteFailed(log, ex);
            counted = null;
        }
        catch (System.Data.Common.DbException ex)
        {
            WriteFailed(log, ex);
            counted = null;
        }

        if (!StaffPasswords.Verify(user, password))
        {
            if (counted is { } failures && failures >= FreeFailures)
            {
                await TryWrite(() => db.StaffUsers.Where(u => u.Id == user.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntilUtcTicks, now + Delay(failures).Ticks), cancel));
            }

            return new Result(null, WrongCredentials, user.AgencyCode);
        }

        if (user.Disabled)
        {
            // Told only to whoever knows the password.
            return new Result(null, "账户已停用，请联系本机关管理员", user.AgencyCode);
        }

        var stamp = user.SecurityStamp;
        if (string.IsNullOrEmpty(stamp))
        {
            stamp = NewStamp();
            var set = stamp;
            if (!await TryWrite(() => db.StaffUsers.Where(u => u.Id == user.Id && u.SecurityStamp == "")
                    .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, set), cancel)))
            {
                stamp = string.Empty;
            }
        }

        await TryWrite(() => db.StaffUsers.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedAttempts, 0).SetProperty(u => u.LockedUntilUtcTicks, (long?)null), cancel));
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim("display_name", user.DisplayName),
                new Claim(ClaimTypes.Role, ((StaffRole)user.Role).Name()),
                new Claim("agency", user.AgencyCode),
                new Claim(StampClaim, SessionStamp.Of(stamp, user.PasswordHash)),
            ],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
        return new Result(new ClaimsPrincipal(identity), null, user.AgencyCode);
    }

    /// <summary>A new security stamp: every cookie issued before it stops working.</summary>
    public static string NewStamp() => StaffPasswords.NewStamp();

    private static StaffUserRow DummyAccount()
    {
        var dummy = new StaffUserRow { UserName = "-" };
        dummy.PasswordHash = StaffPasswords.Hash(dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        return dummy;
    }

    /// <summary>Revokes every session of <paramref name="userName"/> (logout, role change, password change, lock).</summary>
    public static Task<int> RevokeSessionsAsync(GongkaiDbContext db, string userName, CancellationToken cancel = default)
    {
        var stamp = NewStamp();
        return db.StaffUsers.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancel);
    }

    private async Task<bool> TryWrite(Func<Task<int>> write)
    {
        try
        {
            await write();
            return true;
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            WriteFailed(log, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "登录过程中写入数据库失败（磁盘已满或数据库只读？），登录继续进行")]
    private static partial void WriteFailed(ILogger logger, Exception exception);
}
