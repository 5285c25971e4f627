using Gongkai.Domain.Organisation;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Who maintains installation-wide data (the working-day calendar). One policy, one role list: when accounts gain
/// the installation-administrator role (issue 10, accounts), switch <see cref="Roles"/> to it here and nowhere else.
/// </summary>
public static class InstallationAdmin
{
    public const string Policy = "InstallationAdmin";

    /// <summary>
    /// The roles the policy admits: the installation administrator (系统管理员) and, until installations have created
    /// one (the demo has none), the agency administrator ("admin"). Drop "admin" here to reserve the calendar to the
    /// installation administrator.
    /// </summary>
    public static readonly string[] Roles = [StaffRole.InstallationAdmin.Name(), "admin"];
}
