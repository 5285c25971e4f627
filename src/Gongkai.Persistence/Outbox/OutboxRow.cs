using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Persistence.Outbox;

/// <summary>
/// One e-mail waiting to be sent, stored in the same database as the case so that filing and notifying commit
/// together. A sender claims a row by setting a lease (only when no live lease exists), sends it, and marks it sent;
/// a crashed sender's lease expires and another picks the row up. <see cref="DedupKey"/> is unique: the same notice
/// is never queued twice.
/// </summary>
public sealed class OutboxRow
{
    public long Id { get; set; }

    /// <summary>What the message is for, e.g. <c>ack:DEMO-20261130-123456</c>; unique.</summary>
    public string DedupKey { get; set; } = string.Empty;

    public string Agency { get; set; } = string.Empty;

    public string? TrackingNumber { get; set; }

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public long CreatedAtUtcTicks { get; set; }

    /// <summary>When the next attempt may start (back-off after a failure).</summary>
    public long NextAttemptAtUtcTicks { get; set; }

    public int Attempts { get; set; }

    public string? LeaseOwner { get; set; }

    public long? LeaseUntilUtcTicks { get; set; }

    public long? SentAtUtcTicks { get; set; }

    /// <summary>Set when the sender gave up (shown to officers with <see cref="LastError"/>).</summary>
    public long? FailedAtUtcTicks { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Maps <see cref="OutboxRow"/> to <c>mail_outbox</c>.</summary>
internal sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    public void Configure(EntityTypeBuilder<OutboxRow> e)
    {
        e.ToTable("mail_outbox");
        e.HasKey(x => x.Id).HasName("pk_mail_outbox");
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.DedupKey).HasColumnName("dedup_key").HasMaxLength(200);
        e.Property(x => x.Agency).HasColumnName("agency_code").HasMaxLength(64);
        e.Property(x => x.TrackingNumber).HasColumnName("tracking_number").HasMaxLength(64);
        e.Property(x => x.To).HasColumnName("to_address").HasMaxLength(200);
        e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(400);
        e.Property(x => x.Body).HasColumnName("body");
        e.Property(x => x.CreatedAtUtcTicks).HasColumnName("created_at_utc_ticks");
        e.Property(x => x.NextAttemptAtUtcTicks).HasColumnName("next_attempt_at_utc_ticks");
        e.Property(x => x.Attempts).HasColumnName("attempts");
        e.Property(x => x.LeaseOwner).HasColumnName("lease_owner").HasMaxLength(64);
        e.Property(x => x.LeaseUntilUtcTicks).HasColumnName("lease_until_utc_ticks");
        e.Property(x => x.SentAtUtcTicks).HasColumnName("sent_at_utc_ticks");
        e.Property(x => x.FailedAtUtcTicks).HasColumnName("failed_at_utc_ticks");
        e.Property(x => x.LastError).HasColumnName("last_error");
        e.HasIndex(x => x.DedupKey).IsUnique().HasDatabaseName("ix_mail_outbox_dedup_key");
        e.HasIndex(x => new { x.SentAtUtcTicks, x.NextAttemptAtUtcTicks }).HasDatabaseName("ix_mail_outbox_due");
    }
}
