namespace Gongkai.UseCases.Attachments;

/// <summary>Settings under <c>Gongkai:Attachments</c>.</summary>
public sealed class AttachmentSettings
{
    /// <summary>Where the files are kept (set by the host: DataDirectory/attachments).</summary>
    public string Directory { get; set; } = string.Empty;

    /// <summary>Largest single file (default 20 MiB).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest total of one case's files (default 100 MiB).</summary>
    public long MaxCaseBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Days after a case is closed (办结) that its files are deleted; 0 keeps them. The rows stay as the record;
    /// each deletion is audited. Agencies set it to their archive rules (档案保管期限).
    /// </summary>
    public int RetentionDays { get; set; }
}
