using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Persistence;

/// <summary>
/// Lets SQLite itself wait (up to 30 s) for another connection's write lock instead of failing at once with
/// SQLITE_BUSY ("database is locked"): two officers acting on one case at once made the winner's audit entry fail
/// with a 500 after its case was saved. PostgreSQL needs nothing of the kind (row locks wait).
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
