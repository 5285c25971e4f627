using Npgsql;

namespace Gongkai.Web.Tests.Security;

/// <summary>A fresh PostgreSQL database for one test (dropped afterwards), when GONGKAI_TEST_POSTGRES is set.</summary>
public sealed class PostgresDatabase : IDisposable
{
    public const string Variable = "GONGKAI_TEST_POSTGRES";

    private readonly string _admin;
    private readonly string _name = "gongkai_web_" + Guid.NewGuid().ToString("N")[..12];

    private PostgresDatabase(string admin)
    {
        _admin = admin;
        Execute($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Null when PostgreSQL is not configured (the caller skips, saying why).</summary>
    public static PostgresDatabase? Create() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } admin ? new PostgresDatabase(admin) : null;

    /// <summary>Terminates every connection to the database, as a server restart does.</summary>
    public void TerminateConnections() =>
        Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_name}' AND pid <> pg_backend_pid()");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
