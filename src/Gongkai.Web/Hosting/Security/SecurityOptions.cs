namespace Gongkai.Web.Hosting.Security;

/// <summary>Security settings under "Gongkai" (next to <see cref="GongkaiOptions"/>; documented in docs/security.md).</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed: addresses or networks in CIDR form,
    /// comma-separated (e.g. "10.0.0.5, 192.168.1.0/24"). Empty: none — the connection's address is the client's.
    /// </summary>
    public string TrustedProxies { get; set; } = string.Empty;

    /// <summary>
    /// Serve HTTPS only. True: the session, antiforgery and TempData cookies are always Secure and a request that
    /// did not arrive over HTTPS (directly, or per X-Forwarded-Proto from a proxy in <see cref="TrustedProxies"/>)
    /// gets a Chinese 403 page instead of the site (/healthz excepted, for the proxy's checks). False (the default):
    /// cookies are Secure whenever the request is HTTPS, and a plain-HTTP installation (an intranet without TLS,
    /// http://127.0.0.1) works, with cookies a network observer can read.
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>Sign-in attempts (POST /staff/login) per minute per client address.</summary>
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Report checks (POST /api/reports/validate) per minute per client address.</summary>
    public int ValidatePerMinute { get; set; } = 6;

    /// <summary>Report checks running at once on the whole server (each may inflate a .docx or run pdftotext).</summary>
    public int ValidateConcurrency { get; set; } = 2;

    /// <summary>Largest report file POST /api/reports/validate reads (the body is refused beyond it, before it is buffered).</summary>
    public long ValidateMaxBytes { get; set; } = 16L * 1024 * 1024;
}
