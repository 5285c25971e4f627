using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Registry;

/// <summary>A file attached to a catalogue item: stored under the data directory by its SHA-256, its text kept for search.</summary>
public sealed class RegistryAttachmentRow
{
    /// <summary>The <c>file_name</c> column's length.</summary>
    public const int FileNameMaxLength = 260;

    public long Id { get; set; }

    public long DocumentId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content; also its file name in the store.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Text extracted for search (empty when the format has no extractor or the tool is missing).</summary>
    public string Text { get; set; } = string.Empty;
}

internal sealed class RegistryAttachmentConfiguration : IEntityTypeConfiguration<RegistryAttachmentRow>
{
    public void Configure(EntityTypeBuilder<RegistryAttachmentRow> e)
    {
        e.ToTable("registry_attachments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.DocumentId).HasColumnName("document_id");
        e.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(RegistryAttachmentRow.FileNameMaxLength);
        e.Property(x => x.ContentType).HasColumnName("content_type").HasMaxLength(100);
        e.Property(x => x.Size).HasColumnName("size");
        e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        e.Property(x => x.Text).HasColumnName("text");
        e.HasIndex(x => x.DocumentId).HasDatabaseName("ix_registry_attachments_document");
        e.HasOne<RegistryDocumentRow>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
