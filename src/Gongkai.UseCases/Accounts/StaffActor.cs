using Gongkai.Domain.Organisation;

namespace Gongkai.UseCases.Accounts;

/// <summary>Who manages accounts: a signed-in administrator, or the command line at the server (<see cref="Console"/>).</summary>
public sealed record StaffActor(string UserName, string Agency, StaffRole Role)
{
    /// <summary>The operator at the server's console (gongkai user add): may do anything, logged as “命令行”.</summary>
    public static readonly StaffActor Console = new("命令行", string.Empty, StaffRole.InstallationAdmin);
}
