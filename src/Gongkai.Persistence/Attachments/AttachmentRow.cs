using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Attachments;

/// <summary>
/// A file attached to an application: the applicant's proof of identity or 补正 material, or the officer's reply
/// documents. The bytes live under the data directory, named by their SHA-256 (content-addressed); the row keeps
/// the name shown, the type detected from the content, the size and the hash.
/// </summary>
public sealed class AttachmentRow
{
    /// <summary>The <c>file_name</c> column's length.</summary>
    public const int FileNameMaxLength = 200;

    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The name shown and used for downloads (sanitised; the extension follows the detected type).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The media type detected from the content (never the client's claim).</summary>
    public string MediaType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: the file's name in the store and its integrity check.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary><see cref="AttachmentPurpose"/>.</summary>
    public int Purpose { get; set; }

    /// <summary>Who added it: <c>申请人</c> or the officer's user name.</summary>
    public string AddedBy { get; set; } = string.Empty;

    public bool ByApplicant { get; set; }

    public long AddedAtUtcTicks { get; set; }

    /// <summary>Set when the retention period removed the file (the row stays as the record that it existed).</summary>
    public long? DeletedAtUtcTicks { get; set; }
}

/// <summary>Maps <see cref="AttachmentRow"/> to <c>attachments</c>.</summary>
internal sealed class AttachmentRowConfiguration : IEntityTypeConfiguration<AttachmentRow>
{
    public void Configure(EntityTypeBuilder<AttachmentRow> e)
    {
        e.ToTable("attachments");
        e.HasKey(x => x.Id).HasName("pk_attachments");
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.ApplicationId).HasColumnName("application_id");
        e.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(AttachmentRow.FileNameMaxLength);
        e.Property(x => x.MediaType).HasColumnName("media_type").HasMaxLength(100);
        e.Property(x => x.Size).HasColumnName("size");
        e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        e.Property(x => x.Purpose).HasColumnName("purpose");
        e.Property(x => x.AddedBy).HasColumnName("added_by").HasMaxLength(64);
        e.Property(x => x.ByApplicant).HasColumnName("by_applicant");
        e.Property(x => x.AddedAtUtcTicks).HasColumnName("added_at_utc_ticks");
        e.Property(x => x.DeletedAtUtcTicks).HasColumnName("deleted_at_utc_ticks");
        e.HasIndex(x => x.ApplicationId).HasDatabaseName("ix_attachments_application");
        e.HasIndex(x => x.Sha256).HasDatabaseName("ix_attachments_sha256");
        e.HasOne<Entities.ApplicationRecord>().WithMany().HasForeignKey(x => x.ApplicationId).HasConstraintName("fk_attachments_applications").OnDelete(DeleteBehavior.Cascade);
    }
}
