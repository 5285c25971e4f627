using System.Security.Cryptography;
using System.Text;
using Gongkai.Domain.Organisation;
using Gongkai.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Hosting.Security;

/// <summary>
/// Revocable staff cookies. The cookie carries the account's security stamp joined with a fingerprint of its password
/// hash; every request with a cookie compares it, the role and the agency with the database, so logout (which changes
/// the stamp), a password change (which changes the hash), a role change or a lock (disabling) take effect on the very next
/// request — the audit log included. Checked on every request rather than cached: it is one indexed lookup of one row,
/// cheap beside the page it guards, and a cache would leave a demoted officer in the audit log for its lifetime.
/// </summary>
public static class SessionStamp
{
    public static string Of(string stamp, string passwordHash) =>
        stamp + "." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)).AsSpan(0, 8));

    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var name = principal?.Identity?.Name;
        var claimed = principal?.FindFirst(StaffSignIn.StampClaim)?.Value;
        if (principal is null || name is null || claimed is null)
        {
            await Reject(context);
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<GongkaiDbContext>();
        var row = await db.StaffUsers.AsNoTracking().Where(u => u.UserName == name)
            .Select(u => new { u.SecurityStamp, u.PasswordHash, u.Role, u.AgencyCode, u.Disabled })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (row is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Of(row.SecurityStamp, row.PasswordHash)), Encoding.UTF8.GetBytes(claimed))
            || row.Disabled
            || !Enum.IsDefined((StaffRole)row.Role) || !principal.IsInRole(((StaffRole)row.Role).Name())
            || principal.Agency() != row.AgencyCode)
        {
            await Reject(context);
        }
    }

    private static async Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
