using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Sqlite;

/// <summary>
/// The first schema, written by hand (the EF design tools are not available here). Keep it in step with
/// <see cref="GongkaiDbContext"/>: the persistence tests compare the migrated schema with the model.
/// </summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "agencies",
            columns: table => new
            {
                Code = table.Column<string>(name: "code", type: "TEXT", nullable: false),
                Name = table.Column<string>(name: "name", type: "TEXT", nullable: false),
                ParentCode = table.Column<string>(name: "parent_code", type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_agencies", x => x.Code);
            });

        migrationBuilder.CreateTable(
            name: "applications",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "TEXT", nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "TEXT", nullable: false),
                TrackingNumber = table.Column<string>(name: "tracking_number", type: "TEXT", nullable: false),
                AccessCodeHash = table.Column<string>(name: "access_code_hash", type: "TEXT", nullable: true),
                ApplicantCategory = table.Column<int>(name: "applicant_category", type: "INTEGER", nullable: false),
                ApplicantName = table.Column<string>(name: "applicant_name", type: "TEXT", nullable: false),
                ApplicantIdProof = table.Column<string>(name: "applicant_id_proof", type: "TEXT", nullable: false),
                ApplicantContact = table.Column<string>(name: "applicant_contact", type: "TEXT", nullable: false),
                Request = table.Column<string>(name: "request", type: "TEXT", nullable: false),
                Delivery = table.Column<string>(name: "delivery", type: "TEXT", nullable: false),
                Channel = table.Column<int>(name: "channel", type: "INTEGER", nullable: false),
                FirstReceivedOn = table.Column<DateOnly>(name: "first_received_on", type: "TEXT", nullable: false),
                ReceivedOn = table.Column<DateOnly>(name: "received_on", type: "TEXT", nullable: false),
                State = table.Column<int>(name: "state", type: "INTEGER", nullable: false),
                ExtensionDays = table.Column<int>(name: "extension_days", type: "INTEGER", nullable: false),
                CorrectionRequested = table.Column<bool>(name: "correction_requested", type: "INTEGER", nullable: false),
                CorrectionDeadline = table.Column<DateOnly>(name: "correction_deadline", type: "TEXT", nullable: true),
                FeeNoticeOn = table.Column<DateOnly>(name: "fee_notice_on", type: "TEXT", nullable: true),
                FeeAmount = table.Column<decimal>(name: "fee_amount", type: "TEXT", nullable: true),
                Outcome = table.Column<int>(name: "outcome", type: "INTEGER", nullable: true),
                DecidedOn = table.Column<DateOnly>(name: "decided_on", type: "TEXT", nullable: true),
                ReplyText = table.Column<string>(name: "reply_text", type: "TEXT", nullable: false),
                Version = table.Column<int>(name: "version", type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_applications", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "application_events",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ApplicationId = table.Column<Guid>(name: "application_id", type: "TEXT", nullable: false),
                Sequence = table.Column<int>(name: "sequence", type: "INTEGER", nullable: false),
                Kind = table.Column<int>(name: "kind", type: "INTEGER", nullable: false),
                Date = table.Column<DateOnly>(name: "date", type: "TEXT", nullable: false),
                RecordedAtUtcTicks = table.Column<long>(name: "recorded_at_utc_ticks", type: "INTEGER", nullable: false),
                Actor = table.Column<string>(name: "actor", type: "TEXT", nullable: false),
                Text = table.Column<string>(name: "text", type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_application_events", x => x.Id);
                table.ForeignKey(
                    name: "fk_application_events_applications_application_id",
                    column: x => x.ApplicationId,
                    principalTable: "applications",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "application_pauses",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ApplicationId = table.Column<Guid>(name: "application_id", type: "TEXT", nullable: false),
                Sequence = table.Column<int>(name: "sequence", type: "INTEGER", nullable: false),
                From = table.Column<DateOnly>(name: "from_date", type: "TEXT", nullable: false),
                To = table.Column<DateOnly>(name: "to_date", type: "TEXT", nullable: true),
                Reason = table.Column<string>(name: "reason", type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_application_pauses", x => x.Id);
                table.ForeignKey(
                    name: "fk_application_pauses_applications_application_id",
                    column: x => x.ApplicationId,
                    principalTable: "applications",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "review_cases",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "TEXT", nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "TEXT", nullable: false),
                ApplicationId = table.Column<Guid>(name: "application_id", type: "TEXT", nullable: true),
                Kind = table.Column<int>(name: "kind", type: "INTEGER", nullable: false),
                FiledOn = table.Column<DateOnly>(name: "filed_on", type: "TEXT", nullable: false),
                Result = table.Column<int>(name: "result", type: "INTEGER", nullable: false),
                DecidedOn = table.Column<DateOnly>(name: "decided_on", type: "TEXT", nullable: true),
                CoDefendant = table.Column<bool>(name: "co_defendant", type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_review_cases", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_applications_tracking_number",
            table: "applications",
            column: "tracking_number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_applications_agency_received",
            table: "applications",
            columns: new[] { "agency_code", "first_received_on", "applicant_category" });

        migrationBuilder.CreateIndex(
            name: "ix_applications_agency_decided",
            table: "applications",
            columns: new[] { "agency_code", "decided_on", "first_received_on", "applicant_category", "outcome" });

        migrationBuilder.CreateIndex(
            name: "ix_application_events_application_sequence",
            table: "application_events",
            columns: new[] { "application_id", "sequence" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_application_pauses_application_sequence",
            table: "application_pauses",
            columns: new[] { "application_id", "sequence" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_review_cases_agency_filed",
            table: "review_cases",
            columns: new[] { "agency_code", "filed_on" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "review_cases");
        migrationBuilder.DropTable(name: "application_pauses");
        migrationBuilder.DropTable(name: "application_events");
        migrationBuilder.DropTable(name: "applications");
        migrationBuilder.DropTable(name: "agencies");
    }
}
