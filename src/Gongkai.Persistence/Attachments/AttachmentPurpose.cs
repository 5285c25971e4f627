namespace Gongkai.Persistence.Attachments;

/// <summary>Why a file is attached to an application.</summary>
public enum AttachmentPurpose
{
    /// <summary>身份证明 or other material the applicant submits with the application.</summary>
    Application,

    /// <summary>补正材料 — the applicant's answer to a 补正 notice (条例第三十条).</summary>
    Correction,

    /// <summary>答复书 or the information disclosed (条例第三十六条、第四十条).</summary>
    Reply,
}
