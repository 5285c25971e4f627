using Gongkai.Domain.Organisation;

namespace Gongkai.Web.Hosting;

/// <summary>
/// Staff roles as the cookie names them (see <see cref="StaffRole"/>). Sign-in itself — password check, delays after
/// failures, disabled accounts — is <see cref="Security.StaffSignIn"/>.
/// </summary>
public sealed class StaffAccounts
{
    public static readonly string[] RoleNames = Enum.GetValues<StaffRole>().Select(r => r.Name()).ToArray();
}
