using System.Text;
using Gongkai.Domain.Applications;
using Gongkai.Domain.Deadlines;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// A case's total of attachments holds when uploads arrive at once (an attack on a running copy, 1 December): each
/// upload checked the room left before streaming its file and saved after, so uploads at once each saw the room empty.
/// </summary>
public sealed class AttachmentLimitTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongkai-attach-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task EightUploadsAtOnce_CaseLimitRoomForThree_ThreeStored_FiveRefused(string provider)
    {
        using var database = new TestDatabase(provider);
        var application = AttachmentCases.Add(database, "GK-LIMIT")[0];

        var settings = new AttachmentSettings { Directory = _directory, MaxFileBytes = 4096, MaxCaseBytes = 10_000 };
        using var start = new Barrier(8);
        var uploads = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var db = database.Open();
            var store = new AttachmentStore(db, settings, TimeProvider.System);
            var bytes = new byte[3000];
            Encoding.ASCII.GetBytes($"%PDF-1.4\n% upload {i}\n").CopyTo(bytes, 0);
            start.SignalAndWait();
            return await store.AddAsync(application.Id, new MemoryStream(bytes), $"{i}.pdf", AttachmentPurpose.Application, AttachmentStore.ApplicantActor, byApplicant: true);
        })).ToList();
        var results = await Task.WhenAll(uploads);

        Assert.Equal(3, results.Count(r => r.Status == AttachmentStore.AddStatus.Stored));
        Assert.All(results.Where(r => r.Status != AttachmentStore.AddStatus.Stored), r =>
        {
            Assert.Equal(AttachmentStore.AddStatus.TooLarge, r.Status);
            Assert.StartsWith("这件申请的附件合计不能超过", r.Message, StringComparison.Ordinal);
        });
        using var check = database.Open();
        Assert.Equal(9000, await check.Set<AttachmentRow>().Where(a => a.ApplicationId == application.Id).SumAsync(a => a.Size));
        // Only the stored files are on disk; the refused ones' temporary files are gone.
        Assert.Equal(3, Directory.GetFiles(_directory, "*", SearchOption.AllDirectories).Length);
    }
}

/// <summary>
/// Bytes shared by two cases survive a deletion that races an upload (the leftover of the 1 December attack): the
/// upload found the file present and skipped writing it, a withdrawal of the only other row naming those bytes saw no
/// live row and deleted the file, then the upload's row was committed — a row whose file was gone.
/// </summary>
public sealed class AttachmentDeletionRaceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gongkai-attach-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task SameBytesUploadedWhileTheirOnlyRowIsWithdrawn_FileKeptForTheNewRow(string provider)
    {
        using var database = new TestDatabase(provider);
        var cases = AttachmentCases.Add(database, "GK-RACE-1", "GK-RACE-2");
        var (first, second) = (cases[0], cases[1]);
        var settings = new AttachmentSettings { Directory = _directory };
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% the same bytes in two cases\n");
        AttachmentRow stored;
        using (var db = database.Open())
        {
            stored = (await AttachmentCases.Upload(new AttachmentStore(db, settings, TimeProvider.System), first.Id, bytes)).Attachment!;
        }

        // The second upload finds the file present and stops before its commit; meanwhile the first row is withdrawn and its
        // bytes deleted unless named by a live row. The upload waits for the deletion at most a second: with the bytes held,
        // the deletion cannot finish before the upload commits.
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upload = Task.Run(async () =>
        {
            using var db = database.Open();
            var store = new AttachmentStore(db, settings, TimeProvider.System)
            {
                BeforeCommit = async () =>
                {
                    reached.SetResult();
                    await Task.WhenAny(deleted.Task, Task.Delay(TimeSpan.FromSeconds(1)));
                },
            };
            return await AttachmentCases.Upload(store, second.Id, bytes);
        });
        await reached.Task;
        var deletion = Task.Run(async () =>
        {
            using var db = database.Open();
            await db.Set<AttachmentRow>().Where(a => a.Id == stored.Id).ExecuteDeleteAsync();
            await new AttachmentStore(db, settings, TimeProvider.System).DeleteUnreferencedAsync([stored.Sha256]);
            deleted.SetResult();
        });
        var added = await upload;
        await deletion;

        using var check = database.Open();
        var store = new AttachmentStore(check, settings, TimeProvider.System);
        await AttachmentCases.AssertServed(store, second.Id, added, bytes);

        // And once no live row names the bytes, they are deleted.
        await check.Set<AttachmentRow>().Where(a => a.Id == added.Attachment!.Id).ExecuteDeleteAsync();
        await store.DeleteUnreferencedAsync([added.Attachment!.Sha256]);
        Assert.False(File.Exists(store.PathOf(added.Attachment.Sha256)));
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task SameBytesUploadedOnceTheirDeletionHasChecked_UploadWaits_FileWrittenAgain(string provider)
    {
        using var database = new TestDatabase(provider);
        var cases = AttachmentCases.Add(database, "GK-RACE-3", "GK-RACE-4");
        var (first, second) = (cases[0], cases[1]);
        var settings = new AttachmentSettings { Directory = _directory };
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\n% deleted while uploaded again\n");
        AttachmentRow stored;
        using (var db = database.Open())
        {
            stored = (await AttachmentCases.Upload(new AttachmentStore(db, settings, TimeProvider.System), first.Id, bytes)).Attachment!;
            await db.Set<AttachmentRow>().Where(a => a.Id == stored.Id).ExecuteDeleteAsync();
        }

        // The deletion has found no live row and stops before deleting; an upload of the same bytes runs then, given at most
        // a second. With the bytes held by the deletion, the upload waits for it, finds the file gone and writes it again;
        // before, it found the file present, kept it and committed, and the deletion then took the file from under its row.
        var uploaded = new TaskCompletionSource<AttachmentStore.AddResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<AttachmentStore.AddResult>? upload = null;
        using (var db = database.Open())
        {
            var deleting = new AttachmentStore(db, settings, TimeProvider.System)
            {
                BeforeDelete = async () =>
                {
                    upload = Task.Run(async () =>
                    {
                        using var other = database.Open();
                        var result = await AttachmentCases.Upload(new AttachmentStore(other, settings, TimeProvider.System), second.Id, bytes);
                        uploaded.SetResult(result);
                        return result;
                    });
                    await Task.WhenAny(uploaded.Task, Task.Delay(TimeSpan.FromSeconds(1)));
                },
            };
            await deleting.DeleteUnreferencedAsync([stored.Sha256]);
        }

        var added = await upload!;
        using var check = database.Open();
        await AttachmentCases.AssertServed(new AttachmentStore(check, settings, TimeProvider.System), second.Id, added, bytes);
    }

}

/// <summary>Cases received and stored, and uploads to them, for the attachment tests.</summary>
internal static class AttachmentCases
{
    public static DisclosureApplication[] Add(TestDatabase database, params string[] trackingNumbers)
    {
        var cases = trackingNumbers.Select(number => DisclosureApplication.Receive(Guid.NewGuid(), "DEMO", number,
            new Applicant(ApplicantCategory.NaturalPerson, "李四", "110101199001011237", "13900000000"),
            "某项目的环评批复", "电子邮件", ReceiptChannel.Online, new DateOnly(2025, 3, 3), new DateTimeOffset(2025, 3, 3, 1, 0, 0, TimeSpan.Zero), "clerk")).ToArray();
        using var db = database.Open();
        foreach (var application in cases)
        {
            new CaseStore(db).Add(application);
        }

        return cases;
    }

    /// <summary>An officer's upload of <paramref name="bytes"/> to a case.</summary>
    public static Task<AttachmentStore.AddResult> Upload(AttachmentStore store, Guid caseId, byte[] bytes) =>
        store.AddAsync(caseId, new MemoryStream(bytes), "a.pdf", AttachmentPurpose.Application, "clerk", byApplicant: false);

    /// <summary>The upload was stored, its row is served, and its file holds the bytes.</summary>
    public static async Task AssertServed(AttachmentStore store, Guid caseId, AttachmentStore.AddResult added, byte[] bytes)
    {
        Assert.Equal(AttachmentStore.AddStatus.Stored, added.Status);
        Assert.NotNull(await store.OpenAsync(caseId, added.Attachment!.Id));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(store.PathOf(added.Attachment.Sha256)));
    }
}
