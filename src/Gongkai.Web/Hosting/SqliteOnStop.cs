using Gongkai.Persistence;
using Microsoft.Data.Sqlite;

namespace Gongkai.Web.Hosting;

/// <summary>
/// When the host stops, the pooled SQLite connections of its database are closed: the last one to close checkpoints
/// the write-ahead log into the database file and removes the -wal file (see SqliteWriteAheadLog), so a stopped
/// installation is one self-contained file again (a copy taken while it is stopped is complete).
/// </summary>
public static class SqliteOnStop
{
    public static void CloseSqliteOnStop(this WebApplication app)
    {
        var (provider, connection) = Database.Resolve(app.Services.GetRequiredService<GongkaiOptions>().Database);
        if (provider == DatabaseProvider.Sqlite)
        {
            app.Lifetime.ApplicationStopped.Register(() =>
            {
                using var pooled = new SqliteConnection(connection);
                SqliteConnection.ClearPool(pooled);
            });
        }
    }
}
