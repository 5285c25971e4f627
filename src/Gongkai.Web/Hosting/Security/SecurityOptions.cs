namespace Gongkai.Web.Hosting.Security;

/// <summary>Security settings under "Gongkai" (next to <see cref="GongkaiOptions"/>; documented in docs/security.md).</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: addresses or networks in CIDR form,
    /// comma-separated (e.g. "10.0.0.5, 192.168.1.0/24"). Empty: none — the connection's address is the client's.
    /// </summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>Sign-in attempts (POST /staff/login) per minute per client address.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Report checks (POST /api/reports/validate) per minute per client address.</summary>
    public int ValidatePerMinute { get; set; } = 6;

    /// <summary>Report checks running at once on the whole server (each may inflate a .docx or run pdftotext).</summary>
    public int ValidateConcurrency { get; set; } = 2;

    /// <summary>Largest report file POST /api/reports/validate reads (the body is refused beyond it, before it is buffered).</summary>
    public long ValidateMaxBytes { get; set; } = 16L * 1024 * 1024;
}
