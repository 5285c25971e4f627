using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>Every SQLite connection a context opens waits 30 s for another's write lock (set on the native handle).</summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task EveryOpen_SyncAndAsync_BusyTimeout30s()
    {
        using var database = new TestDatabase("sqlite");
        for (var round = 0; round < 3; round++)
        {
            // A new context each round: the pool hands back the same native connection, which keeps its setting anyway.
            using var db = database.Open();
            if (round % 2 == 0)
            {
                db.Database.OpenConnection();
            }
            else
            {
                await db.Database.OpenConnectionAsync();
            }

            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(30_000L, (long)command.ExecuteScalar()!);
        }
    }
}
