using Gongkai.Persistence.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The SQLite file is in write-ahead-log mode with synchronous=NORMAL on every connection a context opens (issue 12:
/// a commit no longer creates, fsyncs and deletes a journal); what is committed is read by a fresh connection, and
/// once the last connection closes the log is folded back into the file.
/// </summary>
public sealed class SqliteWriteAheadLogTests
{
    [Fact]
    public async Task EveryOpen_WalAndSynchronousNormal_CommitsVisibleAndCheckpointedOnClose()
    {
        using var database = new TestDatabase("sqlite");
        for (var round = 0; round < 2; round++)
        {
            using var db = database.Open();
            await db.Database.OpenConnectionAsync();
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)command.ExecuteScalar()!);
            command.CommandText = "PRAGMA synchronous";
            Assert.Equal(1L, (long)command.ExecuteScalar()!); // NORMAL
            command.CommandText = "PRAGMA mmap_size";
            Assert.Equal(268435456L, (long)command.ExecuteScalar()!); // pages read through the mapping, not read()
        }

        using (var db = database.Open())
        {
            db.Audit.Add(new AuditRow { AtUtcTicks = 1, Actor = "测试", AgencyCode = "DEMO", Action = "wal.test", Target = "t", Detail = "写入" });
            await db.SaveChangesAsync();
        }

        Assert.True(File.Exists(database.Setting + "-wal"));
        // A connection outside the pool (another process would be the same) sees the commit.
        using (var other = new SqliteConnection($"Data Source={database.Setting};Pooling=False"))
        {
            other.Open();
            using var count = other.CreateCommand();
            count.CommandText = "SELECT count(*) FROM audit_log WHERE action = 'wal.test'";
            Assert.Equal(1L, (long)count.ExecuteScalar()!);
        }

        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(database.Setting + "-wal"));
        using (var reopened = new SqliteConnection($"Data Source={database.Setting};Pooling=False"))
        {
            reopened.Open();
            using var count = reopened.CreateCommand();
            count.CommandText = "SELECT count(*) FROM audit_log WHERE action = 'wal.test'";
            Assert.Equal(1L, (long)count.ExecuteScalar()!);
        }
    }
}
