using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Registry;

/// <summary>
/// One saved change to a draft's text or attachments (修改人): who and when. Written in the same save as the change, so
/// the review chain always knows everyone who wrote part of a document (条例第十七条: the review is by someone else).
/// </summary>
public sealed class RegistryEditRow
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public string Editor { get; set; } = string.Empty;

    public long AtUtcTicks { get; set; }
}

internal sealed class RegistryEditConfiguration : IEntityTypeConfiguration<RegistryEditRow>
{
    public void Configure(EntityTypeBuilder<RegistryEditRow> e)
    {
        e.ToTable("registry_edits");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.DocumentId).HasColumnName("document_id");
        e.Property(x => x.Editor).HasColumnName("editor").HasMaxLength(64);
        e.Property(x => x.AtUtcTicks).HasColumnName("at_utc_ticks");
        e.HasIndex(x => x.DocumentId).HasDatabaseName("ix_registry_edits_document");
        e.HasOne<RegistryDocumentRow>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
