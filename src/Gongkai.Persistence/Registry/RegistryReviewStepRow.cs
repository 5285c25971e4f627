using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Registry;

/// <summary>One step of a document's review (条例第十七条): who did what, when, with which note.</summary>
public sealed class RegistryReviewStepRow
{
    public long Id { get; set; }

    public long DocumentId { get; set; }

    public int Action { get; set; }

    public int FromState { get; set; }

    public int ToState { get; set; }

    public string Actor { get; set; } = string.Empty;

    public long AtUtcTicks { get; set; }

    public string Note { get; set; } = string.Empty;
}

internal sealed class RegistryReviewStepConfiguration : IEntityTypeConfiguration<RegistryReviewStepRow>
{
    public void Configure(EntityTypeBuilder<RegistryReviewStepRow> e)
    {
        e.ToTable("registry_review_steps");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.DocumentId).HasColumnName("document_id");
        e.Property(x => x.Action).HasColumnName("action");
        e.Property(x => x.FromState).HasColumnName("from_state");
        e.Property(x => x.ToState).HasColumnName("to_state");
        e.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(64);
        e.Property(x => x.AtUtcTicks).HasColumnName("at_utc_ticks");
        e.Property(x => x.Note).HasColumnName("note");
        e.HasIndex(x => x.DocumentId).HasDatabaseName("ix_registry_review_steps_document");
        e.HasOne<RegistryDocumentRow>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
