using Gongkai.Persistence;
using Npgsql;

namespace Gongkai.IntegrationTests;

/// <summary>A fresh, migrated database per test: a temporary SQLite file, or a new PostgreSQL database.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    public TestDatabase(string provider)
    {
        if (provider == "sqlite")
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), "gongkai-test-" + Guid.NewGuid().ToString("N") + ".db");
            Setting = _sqliteFile;
        }
        else
        {
            _postgresAdmin = Environment.GetEnvironmentVariable(DatabasesAttribute.PostgresVariable)!;
            _postgresName = "gongkai_test_" + Guid.NewGuid().ToString("N")[..12];
            using (var connection = new NpgsqlConnection(_postgresAdmin))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE {_postgresName}", connection);
                command.ExecuteNonQuery();
            }

            Setting = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName }.ConnectionString;
        }

        using var db = Open();
        Database.Migrate(db);
    }

    public string Setting { get; }

    public GongkaiDbContext Open() => Database.Open(Setting);

    /// <summary>PostgreSQL: ends every session of the database, as a server restart does (pooled connections go stale).</summary>
    public void TerminateConnections()
    {
        if (_postgresName is null)
        {
            return;
        }

        using var connection = new NpgsqlConnection(_postgresAdmin);
        connection.Open();
        using var command = new NpgsqlCommand($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_postgresName}' AND pid <> pg_backend_pid()", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
            File.Delete(_sqliteFile + "-wal");
            File.Delete(_sqliteFile + "-shm");
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
