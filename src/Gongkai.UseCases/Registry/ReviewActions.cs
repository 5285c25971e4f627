using Gongkai.Domain.Registry;
using Gongkai.Persistence;
using Gongkai.Persistence.Registry;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Registry;

/// <summary>
/// The review steps of a catalogue item (条例第十七条), on the shape of <c>CaseActions</c>: load, check the version the
/// officer saw, ask <see cref="ReviewChain"/> (which checks the role and refuses illegal steps with a Chinese reason),
/// save against the version, record the step, and audit whatever happened — done, refused, forbidden or conflicting.
/// Publishing sets 发布日期 and marks the documents it amends or repeals; the search index is told.
/// </summary>
public sealed class ReviewActions(GongkaiDbContext db, TimeProvider time, AuditLog audit, RegistrySearchIndex? index = null)
{
    public enum Status
    {
        Done,
        Refused,
        Conflict,
        NotFound,
    }

    public sealed record Result(Status Status, string Message);

    public const string ConflictMessage = "这条信息在您打开页面之后已被其他工作人员修改，您的操作没有保存。请查看最新情况后重新操作。";

    /// <param name="isHead">公开办负责人 or 管理员.</param>
    /// <param name="changedOn">For <see cref="ReviewAction.Reopen"/>: the day the information changed (条例第二十六条 restarts there).</param>
    public async Task<Result> RunAsync(long id, int loadedVersion, ReviewAction action, string? note, string actor, string agency, bool isHead, DateOnly? changedOn = null, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<RegistryDocumentRow>().SingleOrDefaultAsync(d => d.Id == id && d.AgencyCode == agency, cancellationToken);
        if (row is null)
        {
            return new Result(Status.NotFound, "没有这条信息");
        }

        var name = "registry." + action;
        if (row.Version != loadedVersion)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, agency, name, row.IndexNumber, "冲突：页面打开后信息已被他人修改", cancellationToken);
            return new Result(Status.Conflict, ConflictMessage);
        }

        var from = (ReviewState)row.State;
        // Everyone who changed the text or the attachments wrote part of it, as the drafter did (the second-person rule).
        var editors = await db.Set<RegistryEditRow>().AsNoTracking().Where(e => e.DocumentId == id).Select(e => e.Editor).Distinct().ToListAsync(cancellationToken);
        var subject = new ReviewSubject(from, row.Author, (DisclosureMode)row.DisclosureMode, row.WithheldGround, row.AttributeReviewer, editors);
        var decision = ReviewChain.Decide(subject, action, actor, isHead);
        var text = note?.Trim() ?? string.Empty;
        if (decision.Succeeded && action == ReviewAction.Return && text.Length == 0)
        {
            decision = ReviewDecision.Refused(from, "退回须写明理由");
        }

        if (decision.Succeeded && action == ReviewAction.Reopen && text.Length == 0)
        {
            decision = ReviewDecision.Refused(from, "登记变更须写明变更内容");
        }

        if (!decision.Succeeded)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, agency, name, row.IndexNumber, "拒绝：" + decision.Error, cancellationToken);
            return new Result(Status.Refused, decision.Error!);
        }

        var today = ChinaDate.Today(time);
        row.State = (int)decision.State;
        if (action == ReviewAction.ConfirmAttribute)
        {
            row.AttributeReviewer = actor;
        }

        if (action == ReviewAction.Reopen)
        {
            row.ChangedOn = changedOn ?? today;
            row.AttributeReviewer = null;
        }

        if (decision.State == ReviewState.Published)
        {
            // 发布日期 is the day of release; a republished change keeps the first publication date.
            row.PublishedOn ??= today;
            await MarkLinkedAsync(row.AmendsId, Validity.Amended, row.PublishedOn.Value, cancellationToken);
            await MarkLinkedAsync(row.RepealsId, Validity.Repealed, row.PublishedOn.Value, cancellationToken);
        }

        db.Set<RegistryReviewStepRow>().Add(new RegistryReviewStepRow
        {
            DocumentId = row.Id,
            Action = (int)action,
            FromState = (int)from,
            ToState = (int)decision.State,
            Actor = actor,
            AtUtcTicks = time.GetUtcNow().UtcTicks,
            Note = text,
        });
        row.Version = loadedVersion + 1;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await audit.RecordAsync(actor, agency, name, row.IndexNumber, "冲突：保存时信息已被他人修改", cancellationToken);
            return new Result(Status.Conflict, ConflictMessage);
        }

        db.ChangeTracker.Clear();
        await audit.RecordAsync(actor, agency, name, row.IndexNumber, $"完成：{action.Label()}（{from.Label()} → {decision.State.Label()}）" + (text.Length > 0 ? "；" + text : string.Empty), cancellationToken);
        if (decision.State == ReviewState.Published && index is not null)
        {
            await index.UpsertAsync(db, row.Id, cancellationToken);
        }

        return new Result(Status.Done, $"已{action.Label()}，当前状态：{decision.State.Label()}。");
    }

    private async Task MarkLinkedAsync(long? id, Validity validity, DateOnly on, CancellationToken cancellationToken)
    {
        if (id is null || await db.Set<RegistryDocumentRow>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } other)
        {
            return;
        }

        other.Validity = (int)validity;
        if (validity == Validity.Amended)
        {
            other.AmendedOn = on;
        }
        else
        {
            other.RepealedOn = on;
        }

        other.Version++;
    }
}
