using Gongkai.Domain.Applications;
using Gongkai.Persistence;
using Gongkai.Persistence.Attachments;
using Gongkai.UseCases.Attachments;
using Gongkai.UseCases.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Applications;

/// <summary>
/// The applicant answers a 补正 notice online, with text and files, before its deadline: the corrected application
/// is received that day and the reply period restarts from it (条例第三十条, via
/// <see cref="DisclosureApplication.RecordCorrection"/>). Same shape as <see cref="CaseActions"/>: load, check,
/// ask the aggregate, save against the version, audit.
/// </summary>
public sealed class AnswerCorrection(GongkaiDbContext db, AttachmentStore attachments, AuditLog audit, TimeProvider time, string accessCodeSecret)
{
    public const string Actor = "申请人（网上补正）";

    public sealed record Result(bool Done, string Message);

    public async Task<Result?> RunAsync(
        string trackingNumber, string? accessCode, string? text, IReadOnlyList<(Stream Content, string Name)> files, CancellationToken cancellationToken = default)
    {
        var found = await new ApplicantAccess(db, accessCodeSecret).FindAsync(trackingNumber, accessCode, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var application = await new IntakeStore(db).GetAsync(found.Id, cancellationToken);
        var now = time.GetUtcNow();
        var today = ChinaDate.Of(now);
        text = text?.Trim() ?? string.Empty;
        var refusal = application switch
        {
            null => "没有这件申请",
            { State: not ApplicationState.AwaitingCorrection } => "这件申请目前不需要补正",
            { CorrectionDeadline: { } by } when today > by => $"补正期限（{by:yyyy-MM-dd}）已过，无法在网上补正；如有正当理由，请与政府信息公开工作机构联系",
            _ when text.Length == 0 && files.Count == 0 => "请填写补正内容或上传补正材料",
            _ when text.Length > 2000 => "补正内容不能超过 2000 个字",
            _ => null,
        };
        if (refusal is not null)
        {
            return new Result(false, refusal);
        }

        // All or nothing: the files stored before one is refused (or before the case save fails) are taken back, so a
        // refused answer leaves no file that no record mentions and the applicant can send the whole answer again.
        var stored = new List<AttachmentRow>();
        var submitted = false;
        try
        {
            foreach (var (content, name) in files)
            {
                var added = await attachments.AddAsync(found.Id, content, name, AttachmentPurpose.Correction, AttachmentStore.ApplicantActor, byApplicant: true, cancellationToken);
                if (added.Attachment is null)
                {
                    await audit.RecordAsync(AttachmentStore.ApplicantActor, found.AgencyCode, "case.RecordCorrection", trackingNumber, $"拒绝：{name}：{added.Message}", cancellationToken);
                    return new Result(false, $"{name}：{added.Message}。补正尚未提交，本次上传的文件都没有保存。");
                }

                stored.Add(added.Attachment);
            }

            var loaded = application!.Version;
            var what = (text.Length == 0 ? "申请人在网上提交了补正材料" : "申请人在网上补正：" + text)
                + (stored.Count == 0 ? string.Empty : "（附件：" + string.Join("、", stored.Select(a => a.FileName)) + "）");
            var outcome = application.RecordCorrection(today, what, now, Actor);
            if (!outcome.Succeeded)
            {
                return new Result(false, outcome.Error!);
            }

            if (await new CaseStore(db).SaveAsync(application, loaded, cancellationToken) != SaveOutcome.Saved)
            {
                await audit.RecordAsync(AttachmentStore.ApplicantActor, found.AgencyCode, "case.RecordCorrection", trackingNumber, "冲突：提交时申请已被修改", cancellationToken);
                return new Result(false, "提交时这件申请正在被工作人员处理，请刷新后重新提交。");
            }

            submitted = true;
        }
        finally
        {
            if (!submitted && stored.Count > 0)
            {
                await WithdrawAsync(stored);
            }
        }

        await audit.RecordAsync(AttachmentStore.ApplicantActor, found.AgencyCode, "case.RecordCorrection", trackingNumber, "完成：" + application.Events[^1].Text, cancellationToken);
        return new Result(true, $"补正已提交。答复期限自 {today:yyyy-MM-dd} 起重新计算（条例第三十条）。");
    }

    /// <summary>
    /// Removes the rows of an answer that was not submitted, and each file no live row names any more (as the store's
    /// retention purge does: bytes shared with another upload, deduplicated by hash, stay). Not cancellable: the
    /// request may already be aborted, and the rows must not outlive it.
    /// </summary>
    private async Task WithdrawAsync(IReadOnlyList<AttachmentRow> stored)
    {
        var ids = stored.Select(a => a.Id).ToList();
        await db.Set<AttachmentRow>().Where(a => ids.Contains(a.Id)).ExecuteDeleteAsync(CancellationToken.None);
        await attachments.DeleteUnreferencedAsync(stored.Select(a => a.Sha256), CancellationToken.None);
    }
}
