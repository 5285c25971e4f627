namespace Gongkai.Persistence;

/// <summary>
/// Which agency's records a context may see and change. <see cref="Agency"/> null: every agency (the public
/// portal, the command line, the seeder). <see cref="ReadOnly"/>: a supervisor reading an agency beneath its own.
/// The web host gives every staff request one (Web/Hosting/StaffScope); the value is read at each query, so a
/// scope may depend on state that is settled later in the request (the signed-in user).
/// </summary>
public interface IAgencyScope
{
    string? Agency { get; }

    bool ReadOnly { get; }
}

/// <summary>A scope fixed when made (tests, command-line tools working for one agency).</summary>
public sealed record FixedAgencyScope(string? Agency, bool ReadOnly = false) : IAgencyScope;
