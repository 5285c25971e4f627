using System.Globalization;
using Gongkai.Persistence.Attachments;

namespace Gongkai.UseCases.Attachments;

/// <summary>An attachment as the applicant and the API see it: name, size, who added it, when (China time), and its hash.</summary>
public sealed record AttachmentInfo(Guid Id, string Name, long Size, string Type, string AddedBy, string AddedAt, string Purpose, string Sha256)
{
    public static AttachmentInfo Of(AttachmentRow row) => new(
        row.Id, row.FileName, row.Size, row.MediaType, row.ByApplicant ? AttachmentStore.ApplicantActor : "工作人员",
        new DateTimeOffset(row.AddedAtUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        PurposeLabel((AttachmentPurpose)row.Purpose), row.Sha256);

    public static string PurposeLabel(AttachmentPurpose purpose) => purpose switch
    {
        AttachmentPurpose.Application => "申请材料",
        AttachmentPurpose.Correction => "补正材料",
        AttachmentPurpose.Reply => "答复文件",
    };
}
