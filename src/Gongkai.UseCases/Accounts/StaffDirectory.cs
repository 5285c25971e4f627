using System.Text.RegularExpressions;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Accounts;

/// <summary>
/// Staff accounts: create, disable/enable, reset a password, change a role, change one's own password. An agency
/// administrator manages its own agency's accounts; the installation administrator (and the console) any agency's.
/// Every change — and every refusal — is in the audit log; disabling, a role change and any password change write a
/// new security stamp so the account's existing sign-ins end.
/// </summary>
public sealed partial class StaffDirectory(GongkaiDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>The accounts an actor may manage: its agency's, or with <paramref name="agency"/> (installation admin) that agency's.</summary>
    public async Task<IReadOnlyList<StaffAccountInfo>> ListAsync(StaffActor by, string? agency = null, CancellationToken cancellationToken = default)
    {
        var code = by.Role == StaffRole.InstallationAdmin ? agency : by.Agency;
        var now = time.GetUtcNow().UtcTicks;
        return (await db.StaffUsers.AsNoTracking()
            .Where(u => code == null || u.AgencyCode == code)
            .OrderBy(u => u.AgencyCode).ThenBy(u => u.UserName)
            .ToListAsync(cancellationToken))
            .Select(u => new StaffAccountInfo(u.Id, u.UserName, u.DisplayName, (StaffRole)u.Role, u.AgencyCode, u.Disabled, u.LockedUntilUtcTicks > now))
            .ToList();
    }

    public async Task<string?> AddAsync(StaffActor by, string agency, string userName, StaffRole role, string? displayName, string password, CancellationToken cancellationToken = default)
    {
        agency = agency.Trim();
        userName = userName.Trim();
        var error = Refusal(by, agency, role) ?? await AddRefusalAsync(agency, userName, role, password, cancellationToken);
        if (error is null)
        {
            var row = new StaffUserRow
            {
                UserName = userName,
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? userName : displayName.Trim(),
                Role = (int)role,
                AgencyCode = agency,
                SecurityStamp = StaffPasswords.NewStamp(),
            };
            row.PasswordHash = StaffPasswords.Hash(row, password);
            db.StaffUsers.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // A refused attempt is logged where the one who tried can see it (their own agency), a success in the account's.
        await audit.RecordAsync(by.UserName, error is null || by.Agency.Length == 0 ? agency : by.Agency, "user.add", userName, error is null ? $"创建账户（{role.Label()}）" : "拒绝：" + error, cancellationToken);
        return error;
    }

    public Task<string?> SetDisabledAsync(StaffActor by, string userName, bool disabled, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, userName, disabled ? "user.disable" : "user.enable", (user, self) =>
        {
            if (self && disabled)
            {
                return "不能停用自己的账户。";
            }

            user.Disabled = disabled;
            return null;
        }, disabled ? "停用账户" : "启用账户", cancellationToken);

    public Task<string?> ResetPasswordAsync(StaffActor by, string userName, string password, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, userName, "user.reset_password", (user, _) =>
        {
            if (PasswordPolicy.Check(password, user.UserName) is { } weak)
            {
                return weak;
            }

            user.PasswordHash = StaffPasswords.Hash(user, password);
            user.FailedAttempts = 0;
            user.LockedUntilUtcTicks = null;
            return null;
        }, "重置密码", cancellationToken);

    public Task<string?> ChangeRoleAsync(StaffActor by, string userName, StaffRole role, CancellationToken cancellationToken = default) =>
        ChangeAsync(by, userName, "user.role", (user, self) =>
        {
            if (self)
            {
                return "不能更改自己的角色。";
            }

            if (Refusal(by, user.AgencyCode, role) is { } refused)
            {
                return refused;
            }

            user.Role = (int)role;
            return null;
        }, "角色改为" + role.Label(), cancellationToken);

    /// <summary>Any user's own password: the current one must be given.</summary>
    public async Task<string?> ChangeOwnPasswordAsync(string userName, string current, string password, CancellationToken cancellationToken = default)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        string? error = null;
        if (user is null || user.Disabled)
        {
            error = "账户不存在或已停用。";
        }
        else if (!StaffPasswords.Verify(user, current))
        {
            error = "当前密码不正确。";
        }
        else if (PasswordPolicy.Check(password, user.UserName) is { } weak)
        {
            error = weak;
        }
        else if (current == password)
        {
            error = "新密码不能与当前密码相同。";
        }
        else
        {
            user.PasswordHash = StaffPasswords.Hash(user, password);
            user.SecurityStamp = StaffPasswords.NewStamp();
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        await audit.RecordAsync(userName, user?.AgencyCode ?? string.Empty, "user.change_password", userName, error is null ? "修改本人密码" : "拒绝：" + error, cancellationToken);
        return error;
    }

    private async Task<string?> ChangeAsync(StaffActor by, string userName, string action, Func<StaffUserRow, bool, string?> apply, string done, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        string? error;
        if (user is null || Refusal(by, user.AgencyCode, (StaffRole)user.Role) is not null)
        {
            // Another agency's account is answered like a missing one: its existence is not disclosed.
            error = $"找不到账户“{userName}”。";
        }
        else
        {
            error = apply(user, user.UserName == by.UserName);
            if (error is null)
            {
                user.SecurityStamp = StaffPasswords.NewStamp();
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        await audit.RecordAsync(by.UserName, user is not null && error is null ? user.AgencyCode : by.Agency, action, userName, error is null ? done : "拒绝：" + error, cancellationToken);
        return error;
    }

    /// <summary>Whether <paramref name="by"/> may manage an account of <paramref name="role"/> in <paramref name="agency"/>.</summary>
    private static string? Refusal(StaffActor by, string agency, StaffRole role) => by.Role switch
    {
        StaffRole.InstallationAdmin => null,
        StaffRole.Admin when agency != by.Agency => "只能管理本机关的账户。",
        StaffRole.Admin when role == StaffRole.InstallationAdmin => "系统管理员账户只能由系统管理员创建。",
        StaffRole.Admin => null,
        _ => "只有管理员可以管理账户。",
    };

    private async Task<string?> AddRefusalAsync(string agency, string userName, StaffRole role, string password, CancellationToken cancellationToken)
    {
        if (!UserNamePattern().IsMatch(userName))
        {
            return $"用户名“{userName}”无效：须为 2–64 个字母、数字、“.”“-”或“_”。";
        }

        if (role != StaffRole.InstallationAdmin || agency.Length > 0)
        {
            var row = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Code == agency, cancellationToken);
            if (row is null)
            {
                return $"机关“{agency}”不存在。";
            }

            if (row.ClosedOn is not null)
            {
                return $"机关“{row.Name}”已撤销，不能再添加账户。";
            }
        }

        if (await db.StaffUsers.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return $"用户名“{userName}”已被使用。";
        }

        return PasswordPolicy.Check(password, userName);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{2,64}$")]
    private static partial Regex UserNamePattern();
}
