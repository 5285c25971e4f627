using Gongkai.Domain.Organisation;

namespace Gongkai.UseCases.Accounts;

/// <summary>An account as the administration pages list it (never its hash).</summary>
public sealed record StaffAccountInfo(int Id, string UserName, string DisplayName, StaffRole Role, string Agency, bool Disabled, bool Locked);
