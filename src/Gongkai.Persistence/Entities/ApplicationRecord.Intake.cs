using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Entities;

/// <summary>What the intake adds to an application row: the identity document type, the e-mail address, the idempotency key.</summary>
public sealed partial class ApplicationRecord
{
    /// <summary><see cref="Domain.Applications.IdentityDocumentType"/>, or null on rows registered before it was recorded.</summary>
    public int? ApplicantIdType { get; set; }

    public string? ApplicantEmail { get; set; }

    /// <summary>
    /// HMAC of the submission's idempotency key (form token or <c>Idempotency-Key</c> header): a resubmission finds
    /// the first application instead of filing a second one (which would inflate 本年新收).
    /// </summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>The intake columns of <c>applications</c> (the rest is mapped in <see cref="GongkaiDbContext"/>).</summary>
internal sealed class ApplicationIntakeConfiguration : IEntityTypeConfiguration<ApplicationRecord>
{
    public void Configure(EntityTypeBuilder<ApplicationRecord> e)
    {
        e.Property(x => x.ApplicantIdType).HasColumnName("applicant_id_type");
        e.Property(x => x.ApplicantEmail).HasColumnName("applicant_email").HasMaxLength(200);
        e.Property(x => x.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(64);
        e.HasIndex(x => x.IdempotencyKey).IsUnique().HasDatabaseName("ix_applications_idempotency_key");
    }
}
