namespace Gongkai.Persistence.Entities;

/// <summary>A staff account of one agency (see <see cref="Gongkai.Domain.Organisation.StaffRole"/>).</summary>
public sealed partial class StaffUserRow
{
    public int Id { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>ASP.NET Core's PasswordHasher output (PBKDF2).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>A <see cref="Gongkai.Domain.Organisation.StaffRole"/> number: 0 clerk, 1 office head, 2 admin, 3 supervisor, 4 installation admin.</summary>
    public int Role { get; set; }

    public string AgencyCode { get; set; } = string.Empty;

    public int FailedAttempts { get; set; }

    /// <summary>UTC ticks until which sign-in is refused after repeated failures.</summary>
    public long? LockedUntilUtcTicks { get; set; }

    /// <summary>Changes whenever the account's sign-ins must end (sign-out, role or password change, lock); empty until first set.</summary>
    public string SecurityStamp { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in; its name stays in the audit log and on the cases it handled.</summary>
    public bool Disabled { get; set; }
}
