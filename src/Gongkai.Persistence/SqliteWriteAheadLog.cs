using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Persistence;

/// <summary>
/// Puts a SQLite database in write-ahead-log mode with <c>synchronous=NORMAL</c>, the standard setting for a server
/// (issue 12's upload benchmark): in the default rollback-journal mode every commit created, fsynced and deleted a
/// journal file and fsynced the database (an application with an attachment commits two or three times), and a writer
/// blocked every reader. In WAL mode a commit appends to the -wal file and is fsynced only at checkpoints; readers
/// never wait for the writer. A crash of the process loses nothing committed; a power cut or kernel crash can lose the
/// last commits since the last checkpoint, never corrupt the file. Safe here because SQLite serves one instance on one
/// machine (WAL needs shared memory: never on a network file system), and the documented backups use
/// <c>sqlite3 .backup</c> or <c>VACUUM INTO</c>, which read through the log (docs/deploy.md).
/// The first 256 MB of the file are also read through a memory mapping (<c>mmap_size</c>): a queue page of one agency
/// among a million cases reads its rows from pages spread over the file, and through <c>read()</c> each page cost a
/// system call and a copy into the connection's small page cache. Measured (docs/platform-benchmark.md, issue 10): with
/// the mapping the big database's queue and status lookup were within the demo's run-to-run noise in three runs;
/// without it, 15–35 % below the demo's. Writes still go through the WAL.
/// Set once per native connection (the pool hands the same one back; a statement per open would cost every request):
/// journal_mode is stored in the file, synchronous is per connection.
/// </summary>
internal sealed class SqliteWriteAheadLog : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Done = [];
    private static readonly object Marker = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Set(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Set(connection);
        return Task.CompletedTask;
    }

    private static void Set(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !Done.TryGetValue(handle, out _))
        {
            // A read-only or in-memory database keeps its mode (SQLite answers "memory" or an error, both harmless).
            SQLitePCL.raw.sqlite3_exec(handle, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA mmap_size=268435456;");
            Done.AddOrUpdate(handle, Marker);
        }
    }
}
