using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Persistence;

/// <summary>
/// Lets SQLite itself wait (up to 30 s) for another connection's write lock instead of failing at once with
/// SQLITE_BUSY ("database is locked"): two officers acting on one case at once made the winner's audit entry fail
/// with a 500 after its case was saved. PostgreSQL needs nothing of the kind (row locks wait).
/// Set on the native handle each time a connection opens (EF opens one per query): a direct call, where a PRAGMA
/// statement prepared and run per open cost every read request a round of its own.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const int Milliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    private static void Set(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
        }
    }
}
