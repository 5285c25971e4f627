namespace Gongkai.Web.Hosting;

/// <summary>Settings under "Gongkai" in appsettings.json or GONGKAI__* environment variables.</summary>
public sealed class GongkaiOptions
{
    /// <summary>SQLite file or PostgreSQL connection string (default: gongkai.db in the data directory).</summary>
    public string? Database { get; set; }

    /// <summary>A holiday file replacing the compiled-in calendar (else GONGKAI_CALENDAR, else the embedded data).</summary>
    public string? Calendar { get; set; }

    /// <summary>
    /// Seed the demo city (agencies, accounts, cases) when the database is empty. Unset: only in the Development
    /// environment; a Production start seeds nothing and creates no account unless this is true.
    /// </summary>
    public bool? SeedDemo { get; set; }

    /// <summary>The demo accounts' password (tests); by default a random one is printed on the first start.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>
    /// Where the installation keeps its own files: the key ring of cookies and antiforgery tokens (keys/) and the
    /// generated access-code secret. Relative to the working directory. Several servers must share it.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Secret mixed into access-code hashes. Empty: a random one is made on the first start and kept in
    /// DataDirectory/access-code.secret (losing it makes every issued access code invalid).
    /// </summary>
    public string AccessCodeSecret { get; set; } = string.Empty;

    /// <summary>Applications per minute per client address (条例第三十五条 excess is a legal matter; this is abuse control).</summary>
    public int ApplyPerMinute { get; set; } = 10;

    /// <summary>The officers' queue lists at most this many cases (the oldest first) and says so; filters narrow it.</summary>
    public int QueueMaxRows { get; set; } = 2000;

    /// <summary>Status lookups per minute per client address.</summary>
    public int StatusPerMinute { get; set; } = 120;
}
