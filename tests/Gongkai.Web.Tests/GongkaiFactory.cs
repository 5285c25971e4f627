using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Gongkai.Web.Tests;

/// <summary>The real web host on a fresh SQLite file with the demo data; rate limits as configured per test class.</summary>
public sealed class GongkaiFactory : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), "gongkai-web-" + Guid.NewGuid().ToString("N") + ".db");

    public const string DemoPassword = "demo-Passw0rd";

    public int StatusPerMinute { get; init; } = 10_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gongkai:Database", _database);
        builder.UseSetting("Gongkai:StatusPerMinute", StatusPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gongkai:ApplyPerMinute", "10000");
        builder.UseSetting("Gongkai:AccessCodeSecret", "test-secret");
        builder.UseSetting("Gongkai:DemoPassword", DemoPassword);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }
}
