namespace Gongkai.Web.Hosting;

/// <summary>
/// Who maintains installation-wide data (the working-day calendar). One policy, one role list: when accounts gain
/// the installation-administrator role (issue 10, accounts), switch <see cref="Roles"/> to it here and nowhere else.
/// </summary>
public static class InstallationAdmin
{
    public const string Policy = "InstallationAdmin";

    /// <summary>The roles the policy admits; today the agency administrator ("admin").</summary>
    public static readonly string[] Roles = ["admin"];
}
