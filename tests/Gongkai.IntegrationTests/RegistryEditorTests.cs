using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Registry;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The review before release needs a second person (条例第十七条) also against whoever rewrote a draft: an office head who
/// edited a clerk's draft, or attached a file to it, used to take every review step alone and publish the rewritten text.
/// </summary>
public sealed class RegistryEditorTests
{
    private static readonly TimeProvider Time = new FixedClock(new DateTimeOffset(2025, 6, 16, 2, 0, 0, TimeSpan.Zero));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static DraftForm Form(string title, string body) => new() { Title = title, FormedOn = new DateOnly(2025, 6, 10), Body = body };

    private static async Task<long> ClerksDraftAsync(GongkaiDbContext db)
    {
        new CaseStore(db).AddAgency("T1", "测试局");
        var (id, problem) = await new RegistryDocuments(db, new RegistryOptions(), Time, new AuditLog(db, Time)).CreateAsync("T1", "clerk", Form("关于规范停车收费的通知", "原文"));
        Assert.Null(problem);
        return id!.Value;
    }

    private static async Task<ReviewActions.Result> StepAsync(GongkaiDbContext db, long id, ReviewAction action, string actor, bool isHead)
    {
        var version = await db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync();
        return await new ReviewActions(db, Time, new AuditLog(db, Time)).RunAsync(id, version, action, null, actor, "T1", isHead);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Review_HeadRewroteTheClerksDraft_HeadRefusedEveryOtherPersonStep_OthersPublish(string provider)
    {
        using var database = new TestDatabase(provider);
        long id;
        using (var db = database.Open())
        {
            id = await ClerksDraftAsync(db);
            var docs = new RegistryDocuments(db, new RegistryOptions(), Time, new AuditLog(db, Time));
            Assert.Equal((true, null), await docs.UpdateAsync("T1", id, 1, "head", Form("关于规范停车收费的通知（改）", "改写后的正文")));
        }

        // A fresh context: the editor is known from the database, not from anything the first context held.
        using (var db = database.Open())
        {
            Assert.Equal(["head"], await db.Set<RegistryEditRow>().Where(e => e.DocumentId == id).Select(e => e.Editor).ToListAsync());
            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.Submit, "head", true)).Status);

            var attribute = await StepAsync(db, id, ReviewAction.ConfirmAttribute, "head", true);
            Assert.Equal(ReviewActions.Status.Refused, attribute.Status);
            Assert.Equal("您修改过这条信息的草稿或附件，公开属性审查须由起草人和修改人以外的工作人员进行", attribute.Message);
            Assert.Equal(ReviewActions.Status.Refused, (await StepAsync(db, id, ReviewAction.ConfirmAttribute, "clerk", false)).Status);
            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.ConfirmAttribute, "clerk2", false)).Status);

            var secrecy = await StepAsync(db, id, ReviewAction.ClearSecrecy, "head", true);
            Assert.Equal(ReviewActions.Status.Refused, secrecy.Status);
            Assert.Contains("不能对其进行保密审查", secrecy.Message, StringComparison.Ordinal);
            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.ClearSecrecy, "admin", true)).Status);

            var approve = await StepAsync(db, id, ReviewAction.Approve, "head", true);
            Assert.Equal(ReviewActions.Status.Refused, approve.Status);
            Assert.Contains("不能批准发布", approve.Message, StringComparison.Ordinal);
            Assert.Equal(ReviewState.Approval, (ReviewState)(await db.Set<RegistryDocumentRow>().AsNoTracking().SingleAsync(d => d.Id == id)).State);

            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.Approve, "head2", true)).Status);
            var published = await db.Set<RegistryDocumentRow>().AsNoTracking().SingleAsync(d => d.Id == id);
            Assert.Equal(ReviewState.Published, (ReviewState)published.State);
            Assert.Equal("改写后的正文", published.Body);
            Assert.Equal(
                ["clerk2", "admin", "head2"],
                await db.Set<RegistryReviewStepRow>().Where(s => s.DocumentId == id && s.Action != (int)ReviewAction.Submit).OrderBy(s => s.Id).Select(s => s.Actor).ToListAsync());
            Assert.Equal(3, await db.Audit.CountAsync(a => a.Actor == "head" && a.Detail.StartsWith("拒绝：您修改过")));
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Review_HeadAttachedAFileToTheClerksDraft_CountsAsAnEdit_HeadCannotApprove(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var id = await ClerksDraftAsync(db);
        var files = Path.Combine(Path.GetTempPath(), "gongkai-registry-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            var docs = new RegistryDocuments(db, new RegistryOptions(), Time, new AuditLog(db, Time));
            Assert.Equal((true, null), await docs.AttachAsync("T1", id, "head", "附件.txt", "补充的内容"u8.ToArray(), new AttachmentStore(files)));
            Assert.Equal(2, (await db.Set<RegistryDocumentRow>().AsNoTracking().SingleAsync(d => d.Id == id)).Version);

            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.Submit, "clerk", false)).Status);
            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.ConfirmAttribute, "clerk2", false)).Status);
            Assert.Equal(ReviewActions.Status.Refused, (await StepAsync(db, id, ReviewAction.ClearSecrecy, "head", true)).Status);
            Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.ClearSecrecy, "admin", true)).Status);
            var approve = await StepAsync(db, id, ReviewAction.Approve, "head", true);

            Assert.Equal(ReviewActions.Status.Refused, approve.Status);
            Assert.Equal("您修改过这条信息的草稿或附件，不能批准发布，须由另一位公开办负责人或管理员批准", approve.Message);
        }
        finally
        {
            if (Directory.Exists(files))
            {
                Directory.Delete(files, recursive: true);
            }
        }
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Attach_ItemSentToReviewSinceItWasLoaded_RefusedAsAConflict_NothingStored(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var id = await ClerksDraftAsync(db);
        var files = Path.Combine(Path.GetTempPath(), "gongkai-registry-files-" + Guid.NewGuid().ToString("N"));
        using var other = database.Open();
        var docs = new RegistryDocuments(db, new RegistryOptions(), Time, new AuditLog(db, Time));
        try
        {
            // The attachment is a change like an edit: it is saved against the version it was checked on. Another officer
            // submits the item the moment the upload has read it as a draft.
            db.ChangeTracker.Tracked += Submit;
            var (saved, problem) = await docs.AttachAsync("T1", id, "head", "迟到的附件.txt", "内容"u8.ToArray(), new AttachmentStore(files));
            db.ChangeTracker.Tracked -= Submit;

            Assert.False(saved);
            Assert.Equal(ReviewActions.ConflictMessage, problem);
            Assert.Empty(await db.Set<RegistryAttachmentRow>().ToListAsync());
            Assert.Empty(await db.Set<RegistryEditRow>().ToListAsync());
            Assert.False(Directory.Exists(files) && Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Any());
        }
        finally
        {
            if (Directory.Exists(files))
            {
                Directory.Delete(files, recursive: true);
            }
        }

        void Submit(object? sender, Microsoft.EntityFrameworkCore.ChangeTracking.EntityTrackedEventArgs e)
        {
            if (e.FromQuery && e.Entry.Entity is RegistryDocumentRow)
            {
                Assert.Equal(ReviewActions.Status.Done, StepAsync(other, id, ReviewAction.Submit, "clerk", false).GetAwaiter().GetResult().Status);
            }
        }
    }

    /// <summary>A save that changes nothing (a head opening a clerk's draft and pressing 保存) makes no 修改人 (a review of the change).</summary>
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public async Task Update_NothingChanged_NoEditRecorded_HeadStillReviews(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var id = await ClerksDraftAsync(db);
        var docs = new RegistryDocuments(db, new RegistryOptions(), Time, new AuditLog(db, Time));

        Assert.Equal((true, null), await docs.UpdateAsync("T1", id, 1, "head", Form("关于规范停车收费的通知", "原文")));

        Assert.Empty(await db.Set<RegistryEditRow>().Where(e => e.DocumentId == id).ToListAsync());
        Assert.Equal(1, await db.Set<RegistryDocumentRow>().AsNoTracking().Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.Submit, "clerk", false)).Status);
        Assert.Equal(ReviewActions.Status.Done, (await StepAsync(db, id, ReviewAction.ConfirmAttribute, "head", true)).Status);
    }
}
