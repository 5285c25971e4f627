namespace Gongkai.Persistence.Entities;

/// <summary>One staff action, append-only: who did what to which record, when (UTC ticks).</summary>
public sealed class AuditRow
{
    public long Id { get; set; }

    public long AtUtcTicks { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string AgencyCode { get; set; } = string.Empty;

    /// <summary>A stable action name, e.g. <c>case.request_correction</c>, <c>report.publish</c>, <c>sign_in</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>What it was done to: a tracking number, <c>report:2025</c>, a user name.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The outcome and details in words (refused actions are logged too, with the reason).</summary>
    public string Detail { get; set; } = string.Empty;
}
