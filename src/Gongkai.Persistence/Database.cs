using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Persistence;

/// <summary>
/// Opens the database a setting names: a PostgreSQL connection string (<c>Host=…</c>), or a SQLite file
/// path or <c>Data Source=…</c>. The default is a SQLite file in ./data.
/// </summary>
public static class Database
{
    public const string EnvironmentVariable = "GONGKAI_DATABASE";
    public const string DefaultSqlite = "data/gongkai.db";

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? DefaultSqlite : setting.Trim();
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, value);
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            return (DatabaseProvider.Sqlite, value);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(value));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return (DatabaseProvider.Sqlite, $"Data Source={value}");
    }

    /// <summary>
    /// The full path of the SQLite file <paramref name="setting"/> names when that file does not exist, else null (a
    /// PostgreSQL connection string, a <c>Data Source=…</c> string, or a file that is there). Checked before opening, which
    /// would make the file (and its folder) and migrate it: a command that only reads, or needs agencies already there,
    /// says the name was wrong instead of answering from an empty database it has just made.
    /// </summary>
    public static string? MissingSqliteFile(string? setting)
    {
        var value = string.IsNullOrWhiteSpace(setting) ? DefaultSqlite : setting.Trim();
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || value.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.GetFullPath(value);
        return File.Exists(path) ? null : path;
    }

    // Options are built once per connection string: building them per request costs more than the query.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DbContextOptions> Options = new();

    // Resolving a file path touches the file system (full path, directory created): once per setting, not per request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DatabaseProvider, string)> Resolved = new();

    public static GongkaiDbContext Open(string? setting)
    {
        var (provider, connection) = Resolved.GetOrAdd(setting ?? string.Empty, Resolve);
        var options = Options.GetOrAdd(provider + "|" + connection, _ => provider switch
        {
            DatabaseProvider.Sqlite => new DbContextOptionsBuilder<SqliteGongkaiDbContext>()
                .UseSqlite(connection)
                .AddInterceptors(new SqliteBusyTimeout(), new SqliteWriteAheadLog(), ReadOnlyScopeGuard.Instance)
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
                .Options,
            DatabaseProvider.Postgres => new DbContextOptionsBuilder<PostgresGongkaiDbContext>()
                // A restarted or briefly unreachable server is retried (transient errors only) instead of failing the
                // request; user transactions then run inside the execution strategy (CaseStore.AddRange).
                .UseNpgsql(connection, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null))
                .AddInterceptors(ReadOnlyScopeGuard.Instance)
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
                .Options,
        });
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteGongkaiDbContext((DbContextOptions<SqliteGongkaiDbContext>)options),
            DatabaseProvider.Postgres => new PostgresGongkaiDbContext((DbContextOptions<PostgresGongkaiDbContext>)options),
        };
    }

    /// <summary>Applies the provider's hand-written migrations (idempotent).</summary>
    public static void Migrate(GongkaiDbContext context) => context.Database.Migrate();
}
