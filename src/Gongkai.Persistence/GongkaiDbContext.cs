using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Persistence;

/// <summary>
/// One model for both providers (Bitwarden's pattern); each provider has its own derived context. The first
/// four migrations were hand-written per provider; every later change is stated once for both
/// (<c>Migrations/Changes</c>). Table and column names are snake_case on both.
/// </summary>
public abstract partial class GongkaiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<AgencyRow> Agencies => Set<AgencyRow>();

    public DbSet<AgencyGuideRow> AgencyGuides => Set<AgencyGuideRow>();

    public DbSet<ApplicationRecord> Applications => Set<ApplicationRecord>();

    public DbSet<EventRow> Events => Set<EventRow>();

    public DbSet<PauseRow> Pauses => Set<PauseRow>();

    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();

    public DbSet<StaffUserRow> StaffUsers => Set<StaffUserRow>();

    public DbSet<AuditRow> Audit => Set<AuditRow>();

    public DbSet<ReportDraftRow> ReportDrafts => Set<ReportDraftRow>();

    public DbSet<ReportVersionRow> ReportVersions => Set<ReportVersionRow>();

    public DbSet<CollectedSourceRow> CollectedSources => Set<CollectedSourceRow>();

    public DbSet<CollectedReportRow> CollectedReports => Set<CollectedReportRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Wave-2 entities each bring an IEntityTypeConfiguration beside them (one feature, one folder).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
        ApplyAgencyScope(modelBuilder);

        modelBuilder.Entity<ApplicationRecord>(e =>
        {
            e.ToTable("applications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
            e.Property(x => x.TrackingNumber).HasColumnName("tracking_number").HasMaxLength(64);
            e.Property(x => x.AccessCodeHash).HasColumnName("access_code_hash").HasMaxLength(200);
            e.Property(x => x.ApplicantCategory).HasColumnName("applicant_category");
            e.Property(x => x.ApplicantName).HasColumnName("applicant_name").HasMaxLength(200);
            e.Property(x => x.ApplicantIdProof).HasColumnName("applicant_id_proof").HasMaxLength(100);
            e.Property(x => x.ApplicantContact).HasColumnName("applicant_contact").HasMaxLength(200);
            e.Property(x => x.Request).HasColumnName("request");
            e.Property(x => x.Delivery).HasColumnName("delivery").HasMaxLength(200);
            e.Property(x => x.Channel).HasColumnName("channel");
            e.Property(x => x.FirstReceivedOn).HasColumnName("first_received_on");
            e.Property(x => x.ReceivedOn).HasColumnName("received_on");
            e.Property(x => x.State).HasColumnName("state");
            e.Property(x => x.ExtensionDays).HasColumnName("extension_days");
            e.Property(x => x.AgreedDeadline).HasColumnName("agreed_deadline");
            e.Property(x => x.CorrectionRequested).HasColumnName("correction_requested");
            e.Property(x => x.CorrectionDeadline).HasColumnName("correction_deadline");
            e.Property(x => x.FeeNoticeOn).HasColumnName("fee_notice_on");
            e.Property(x => x.FeeAmount).HasColumnName("fee_amount").HasPrecision(18, 2);
            e.Property(x => x.Outcome).HasColumnName("outcome");
            e.Property(x => x.DecidedOn).HasColumnName("decided_on");
            e.Property(x => x.ReplyText).HasColumnName("reply_text");
            e.Property(x => x.AssignedOfficer).HasColumnName("assigned_officer").HasMaxLength(64);
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => x.TrackingNumber).IsUnique().HasDatabaseName("ix_applications_tracking_number");
            // Covering indexes for the annual tables: every aggregate is an index-only range scan.
            e.HasIndex(x => new { x.AgencyCode, x.FirstReceivedOn, x.ApplicantCategory }).HasDatabaseName("ix_applications_agency_received");
            e.HasIndex(x => new { x.AgencyCode, x.DecidedOn, x.FirstReceivedOn, x.ApplicantCategory, x.Outcome }).HasDatabaseName("ix_applications_agency_decided");
            e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Pauses).WithOne().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EventRow>(e =>
        {
            e.ToTable("application_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ApplicationId).HasColumnName("application_id");
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.Date).HasColumnName("date");
            e.Property(x => x.RecordedAtUtcTicks).HasColumnName("recorded_at_utc_ticks");
            e.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(100);
            e.Property(x => x.Text).HasColumnName("text");
            e.HasIndex(x => new { x.ApplicationId, x.Sequence }).IsUnique().HasDatabaseName("ix_application_events_application_sequence");
        });

        modelBuilder.Entity<PauseRow>(e =>
        {
            e.ToTable("application_pauses");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ApplicationId).HasColumnName("application_id");
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.From).HasColumnName("from_date");
            e.Property(x => x.To).HasColumnName("to_date");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(200);
            e.HasIndex(x => new { x.ApplicationId, x.Sequence }).IsUnique().HasDatabaseName("ix_application_pauses_application_sequence");
        });

        modelBuilder.Entity<StaffUserRow>(e =>
        {
            e.ToTable("staff_users");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.UserName).HasColumnName("user_name").HasMaxLength(64);
            e.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(100);
            e.Property(x => x.PasswordHash).HasColumnName("password_hash").HasMaxLength(200);
            e.Property(x => x.Role).HasColumnName("role");
            e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
            e.Property(x => x.FailedAttempts).HasColumnName("failed_attempts");
            e.Property(x => x.LockedUntilUtcTicks).HasColumnName("locked_until_utc_ticks");
            e.Property(x => x.SecurityStamp).HasColumnName("security_stamp").HasMaxLength(64);
            e.Property(x => x.Disabled).HasColumnName("disabled");
            e.HasIndex(x => x.UserName).IsUnique().HasDatabaseName("ix_staff_users_user_name");
        });

        modelBuilder.Entity<ReviewRow>(e =>
        {
            e.ToTable("review_cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
            e.Property(x => x.ApplicationId).HasColumnName("application_id");
            e.Property(x => x.Kind).HasColumnName("kind");
            e.Property(x => x.FiledOn).HasColumnName("filed_on");
            e.Property(x => x.Result).HasColumnName("result");
            e.Property(x => x.DecidedOn).HasColumnName("decided_on");
            e.Property(x => x.CoDefendant).HasColumnName("co_defendant");
            e.HasIndex(x => new { x.AgencyCode, x.FiledOn }).HasDatabaseName("ix_review_cases_agency_filed");
        });

        modelBuilder.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AtUtcTicks).HasColumnName("at_utc_ticks");
            e.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(64);
            e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
            e.Property(x => x.Action).HasColumnName("action").HasMaxLength(64);
            e.Property(x => x.Target).HasColumnName("target").HasMaxLength(200);
            e.Property(x => x.Detail).HasColumnName("detail");
            e.HasIndex(x => new { x.AgencyCode, x.AtUtcTicks }).HasDatabaseName("ix_audit_log_agency_at");
        });

        modelBuilder.Entity<ReportDraftRow>(e =>
        {
            e.ToTable("report_drafts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.Json).HasColumnName("json");
            e.Property(x => x.UpdatedAtUtcTicks).HasColumnName("updated_at_utc_ticks");
            e.Property(x => x.UpdatedBy).HasColumnName("updated_by").HasMaxLength(64);
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => new { x.AgencyCode, x.Year }).IsUnique().HasDatabaseName("ix_report_drafts_agency_year");
        });

        modelBuilder.Entity<ReportVersionRow>(e =>
        {
            e.ToTable("report_versions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.AgencyCode).HasColumnName("agency_code").HasMaxLength(64);
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.Number).HasColumnName("number");
            e.Property(x => x.Json).HasColumnName("json");
            e.Property(x => x.PublishedAtUtcTicks).HasColumnName("published_at_utc_ticks");
            e.Property(x => x.PublishedBy).HasColumnName("published_by").HasMaxLength(64);
            e.Property(x => x.ChangeNote).HasColumnName("change_note");
            // Two officers publishing at once cannot both get the same number: the second insert fails.
            e.HasIndex(x => new { x.AgencyCode, x.Year, x.Number }).IsUnique().HasDatabaseName("ix_report_versions_agency_year_number");
        });
    }
}
