using System.Collections.Concurrent;
using Gongkai.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests;

/// <summary>
/// The first start: Production (a plain start) seeds nothing, creates no account and logs in Chinese how to create
/// the first administrator; Production with Gongkai:SeedDemo=true, and Development, seed the demo city.
/// </summary>
public sealed class FirstStartTests
{
    private sealed class Host(string environment, bool? seedDemo) : WebApplicationFactory<Program>
    {
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gongkai-first-").FullName;

        public ConcurrentQueue<string> Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Gongkai:Database", Path.Combine(Directory, "gongkai.db"));
            builder.UseSetting("Gongkai:DataDirectory", Directory);
            builder.UseSetting("Gongkai:DemoPassword", GongkaiFactory.DemoPassword);
            if (seedDemo is { } seed)
            {
                builder.UseSetting("Gongkai:SeedDemo", seed ? "true" : "false");
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new Collector(Log)));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }
    }

    private sealed class Collector(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Writer(log);

        public void Dispose()
        {
        }

        private sealed class Writer(ConcurrentQueue<string> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue(formatter(state, exception));
        }
    }

    private static (int Agencies, int Accounts, int Cases) Count(Host host)
    {
        using var db = Database.Open(Path.Combine(host.Directory, "gongkai.db"));
        return (db.Agencies.Count(), db.StaffUsers.Count(), db.Applications.Count());
    }

    [Fact]
    public async Task Production_SeedsNothing_NoAccount_LogsHowToCreateTheFirstAdministrator()
    {
        using var host = new Host("Production", seedDemo: null);
        using var client = host.CreateClient();

        var portal = await client.GetStringAsync("/");

        Assert.Equal((0, 0, 0), Count(host));
        Assert.Contains("尚未设立机关", portal, StringComparison.Ordinal);
        var hint = Assert.Single(host.Log, m => m.Contains("尚无任何工作人员账户", StringComparison.Ordinal));
        Assert.Contains("gongkai user add --user <用户名> --role installation-admin --password-stdin", hint, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Log, m => m.Contains("演示", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_SeedDemoTrue_SeedsTheCity()
    {
        using var host = new Host("Production", seedDemo: true);
        using var client = host.CreateClient();

        var (agencies, accounts, cases) = Count(host);

        Assert.Equal(12, agencies);
        Assert.Equal(12 * 3 + 2, accounts);
        Assert.True(cases > 500);
    }

    [Fact]
    public void Development_SeedsTheCityByDefault()
    {
        using var host = new Host("Development", seedDemo: null);
        using var client = host.CreateClient();

        Assert.Equal(12, Count(host).Agencies);
    }
}
