using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Gongkai.Web.Tests;

/// <summary>
/// One web server of an installation on a given database (PostgreSQL connection string or SQLite setting), with a
/// data directory of its own: several of them on one PostgreSQL database share nothing but the database.
/// </summary>
public sealed class InstanceFactory(string database) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("gongkai-instance-").FullName;

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/> (shared between servers) and does not follow redirects.</summary>
    public HttpClient Client(System.Net.CookieContainer cookies) => CreateDefaultClient(new CookieContainerHandler(cookies));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gongkai:Database", database);
        builder.UseSetting("Gongkai:DataDirectory", DataDirectory);
        builder.UseSetting("Gongkai:StatusPerMinute", "10000");
        builder.UseSetting("Gongkai:ApplyPerMinute", "10000");
        builder.UseSetting("Gongkai:DemoPassword", GongkaiFactory.DemoPassword);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
