namespace Gongkai.Domain.Applications;

/// <summary>The answer to a requested transition: done, or refused with the reason (an expected failure, not an exception).</summary>
public sealed record CaseResult(bool Succeeded, string? Error)
{
    public static CaseResult Ok { get; } = new(true, null);

    public static CaseResult Refused(string reason) => new(false, reason);
}
