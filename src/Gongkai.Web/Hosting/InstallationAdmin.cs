using Gongkai.Domain.Organisation;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Who maintains installation-wide data (the working-day calendar): one policy, one role list. The issue asks for
/// the installation administrator (系统管理员, role installation-admin); to let agency administrators upload too, add
/// "admin" to <see cref="Roles"/> here and nowhere else.
/// </summary>
public static class InstallationAdmin
{
    public const string Policy = "CalendarAdmin";

    /// <summary>The roles the policy admits.</summary>
    public static readonly string[] Roles = [StaffRole.InstallationAdmin.Name()];
}
