using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// The real web host on a fresh SQLite file with the demo data in a temporary data directory (or, to restart an
/// installation, on another factory's directory, which that one then keeps); rate limits as configured per test class.
/// </summary>
public sealed class GongkaiFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory;
    private readonly string _directory;

    public GongkaiFactory()
        : this(null)
    {
    }

    // xunit builds class fixtures through their single public constructor; a restart goes through RestartOn.
    private GongkaiFactory(string? dataDirectory)
    {
        _ownsDirectory = dataDirectory is null;
        _directory = dataDirectory ?? Directory.CreateTempSubdirectory("gongkai-web-").FullName;
    }

    /// <summary>The installation in <paramref name="dataDirectory"/> started again (the directory stays the caller's).</summary>
    public static GongkaiFactory RestartOn(string dataDirectory) => new(dataDirectory);

    /// <summary>The data directory: the database, the key ring, the access-code secret.</summary>
    public string DataDirectory => _directory;

    /// <summary>Leave the data directory in place when disposed (another factory restarts on it).</summary>
    public bool KeepData { get; set; }

    private string Database => Path.Combine(_directory, "gongkai.db");

    public const string DemoPassword = "demo-Passw0rd";

    public int StatusPerMinute { get; init; } = 10_000;

    public int QueueMaxRows { get; init; } = 2000;

    /// <summary>A database other than the directory's SQLite file (a PostgreSQL connection string: <see cref="PostgresDatabase"/>).</summary>
    public string? DatabaseSetting { get; init; }

    /// <summary>Further settings (e.g. "Gongkai:TrustedProxies"), applied after the defaults above.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>The host environment (Development unless set, as WebApplicationFactory does).</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>The address requests come from (TestServer leaves it empty; a real connection always has one).</summary>
    public System.Net.IPAddress? RemoteAddress { get; init; }

    /// <summary>Extra services (a fake clock, a log capture…), registered after the host's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gongkai:Database", DatabaseSetting ?? Database);
        builder.UseSetting("Gongkai:DataDirectory", _directory);
        builder.UseSetting("Gongkai:StatusPerMinute", StatusPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gongkai:ApplyPerMinute", "10000");
        builder.UseSetting("Gongkai:QueueMaxRows", QueueMaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Gongkai:DemoPassword", DemoPassword);
        builder.UseSetting("Gongkai:SignInPerMinute", "10000");
        builder.UseSetting("Gongkai:ValidatePerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (EnvironmentName is not null)
        {
            builder.UseEnvironment(EnvironmentName);
        }

        if (RemoteAddress is { } remote)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remote)));
        }

        if (ExtraServices is { } extra)
        {
            builder.ConfigureServices(extra);
        }
    }

    private sealed class RemoteAddressFilter(System.Net.IPAddress address) : IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDirectory && !KeepData && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
