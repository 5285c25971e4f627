using System.Data.Common;
using System.Text;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Gongkai.IntegrationTests;

/// <summary>
/// An upload retried by PostgreSQL's execution strategy after a transient failure is stored once, with its bytes: the
/// first attempt moved its temporary file into place, so a second attempt that found the file deleted in between had
/// nothing left to put back; and a commit the server made while the client saw an error was made again by the retry,
/// under a new Id, audit entry included. PostgreSQL only: SQLite's strategy does not retry.
/// </summary>
public sealed class AttachmentRetryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongkai-attach-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [Databases("postgres")]
    public async Task FailedOnceTheFileWasInPlace_BytesDeletedBeforeTheRetry_RetryPutsThemBack_OneRow(string provider)
    {
        using var database = new TestDatabase(provider);
        var cases = AttachmentCases.Add(database, "GK-RETRY-1", "GK-RETRY-2");
        var (first, second) = (cases[0], cases[1]);
        var settings = new AttachmentSettings { Directory = _directory };
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% placed, lost to a deletion, retried\n");

        // The first case's row is withdrawn and its bytes deleted: they are on disk no more, and a second deletion of them
        // (another row naming them withdrawn at the same time) is still to come.
        string hash;
        using (var db = database.Open())
        {
            var store = new AttachmentStore(db, settings, TimeProvider.System);
            var stored = (await AttachmentCases.Upload(store, first.Id, bytes)).Attachment!;
            await db.Set<AttachmentRow>().Where(a => a.Id == stored.Id).ExecuteDeleteAsync();
            await store.DeleteUnreferencedAsync([stored.Sha256]);
            hash = stored.Sha256;
        }

        // The upload's first attempt puts the file in place; the second deletion then starts and waits for the bytes, and
        // the attempt fails transiently before its commit. Its rollback lets the bytes go, so the deletion — queued first —
        // sees no live row and deletes the file before the retry can look for it.
        var attempts = 0;
        var deletedInBetween = false;
        Task? deletion = null;
        using var uploading = database.Open();
        var uploader = new AttachmentStore(uploading, settings, TimeProvider.System)
        {
            BeforeCommit = async () =>
            {
                if (++attempts > 1)
                {
                    return;
                }

                deletion = Task.Run(async () =>
                {
                    using var db = database.Open();
                    var deleting = new AttachmentStore(db, settings, TimeProvider.System)
                    {
                        BeforeDelete = () =>
                        {
                            deletedInBetween = true;
                            return Task.CompletedTask;
                        },
                    };
                    await deleting.DeleteUnreferencedAsync([hash]);
                });
                await WaitForAdvisoryLockWaiter(database);
                throw new NpgsqlException("simulated: connection lost before the commit", new IOException());
            },
        };
        var added = await AttachmentCases.Upload(uploader, second.Id, bytes);
        await deletion!;

        Assert.Equal(2, attempts);
        Assert.True(deletedInBetween);
        using var check = database.Open();
        await AttachmentCases.AssertServed(new AttachmentStore(check, settings, TimeProvider.System), second.Id, added, bytes);
        Assert.Equal(added.Attachment!.Id, Assert.Single(await check.Set<AttachmentRow>().ToListAsync()).Id);
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory, "tmp")));
    }

    [Theory]
    [Databases("postgres")]
    public async Task CommitMadeButTheClientSawAnError_RetryFindsItCommitted_OneRowOneAuditEntry(string provider)
    {
        using var database = new TestDatabase(provider);
        var application = AttachmentCases.Add(database, "GK-RETRY-3")[0];
        var settings = new AttachmentSettings { Directory = _directory };
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% committed, the answer lost\n");

        // A context configured as Database.Open configures PostgreSQL's (the same retrying strategy), whose first commit
        // reaches the server and then reports a lost connection.
        var failOnce = new FailAfterTheFirstCommit();
        using var db = new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>()
            .UseNpgsql(database.Setting, npgsql => npgsql.EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null))
            .AddInterceptors(failOnce)
            .Options);
        var audit = new AuditLog(db, TimeProvider.System);
        var added = await new AttachmentStore(db, settings, TimeProvider.System).AddAsync(
            application.Id, new MemoryStream(bytes), "a.pdf", AttachmentPurpose.Application, AttachmentStore.ApplicantActor, byApplicant: true,
            alongWith: row => audit.Entry(AttachmentStore.ApplicantActor, "DEMO", "attachment.add", "GK-RETRY-3", row.FileName));

        Assert.True(failOnce.Failed);
        Assert.Equal(AttachmentStore.AddStatus.Stored, added.Status);
        using var check = database.Open();
        Assert.Equal(added.Attachment!.Id, Assert.Single(await check.Set<AttachmentRow>().ToListAsync()).Id);
        Assert.Single(await check.Audit.Where(a => a.Action == "attachment.add").ToListAsync());
        Assert.Equal(bytes, await File.ReadAllBytesAsync(new AttachmentStore(check, settings, TimeProvider.System).PathOf(added.Attachment.Sha256)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory, "tmp")));
    }

    /// <summary>Returns once a session of the test's database waits for an advisory lock (the deletion, for the bytes).</summary>
    private static async Task WaitForAdvisoryLockWaiter(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Setting);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(10))
        {
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        throw new TimeoutException("the deletion never waited for the bytes");
    }
}
