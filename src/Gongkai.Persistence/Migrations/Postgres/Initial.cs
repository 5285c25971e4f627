using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Persistence.Migrations.Postgres;

/// <summary>
/// The first schema, written by hand (the EF design tools are not available here). Keep it in step with
/// <see cref="GongkaiDbContext"/>: the persistence tests compare the migrated schema with the model.
/// </summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration("20261122000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "agencies",
            columns: table => new
            {
                Code = table.Column<string>(name: "code", type: "character varying(64)", maxLength: 64, nullable: false),
                Name = table.Column<string>(name: "name", type: "character varying(200)", maxLength: 200, nullable: false),
                ParentCode = table.Column<string>(name: "parent_code", type: "character varying(64)", maxLength: 64, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_agencies", x => x.Code);
            });

        migrationBuilder.CreateTable(
            name: "applications",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", type: "uuid", nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "character varying(64)", maxLength: 64, nullable: false),
                TrackingNumber = table.Column<string>(name: "tracking_number", type: "character varying(64)", maxLength: 64, nullable: false),
                AccessCodeHash = table.Column<string>(name: "access_code_hash", type: "character varying(200)", maxLength: 200, nullable: true),
                ApplicantCategory = table.Column<int>(name: "applicant_category", type: "integer", nullable: false),
                ApplicantName = table.Column<string>(name: "applicant_name", type: "character varying(200)", maxLength: 200, nullable: false),
                ApplicantIdProof = table.Column<string>(name: "applicant_id_proof", type: "character varying(100)", maxLength: 100, nullable: false),
                ApplicantContact = table.Column<string>(name: "applicant_contact", type: "character varying(200)", maxLength: 200, nullable: false),
                Request = table.Column<string>(name: "request", type: "text", nullable: false),
                Delivery = table.Column<string>(name: "delivery", type: "character varying(200)", maxLength: 200, nullable: false),
                Channel = table.Column<int>(name: "channel", type: "integer", nullable: false),
                FirstReceivedOn = table.Column<DateOnly>(name: "first_received_on", type: "date", nullable: false),
                ReceivedOn = table.Column<DateOnly>(name: "received_on", type: "date", nullable: false),
                State = table.Column<int>(name: "state", type: "integer", nullable: false),
                ExtensionDays = table.Column<int>(name: "extension_days", type: "integer", nullable: false),
                CorrectionRequested = table.Column<bool>(name: "correction_requested", type: "boolean", nullable: false),
                CorrectionDeadline = table.Column<DateOnly>(name: "correction_deadline", type: "date", nullable: true),
                FeeNoticeOn = table.Column<DateOnly>(name: "fee_notice_on", type: "date", nullable: true),
                FeeAmount = table.Column<decimal>(name: "fee_amount", type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                Outcome = table.Column<int>(name: "outcome", type: "integer", nullable: true),
                DecidedOn = table.Column<DateOnly>(name: "decided_on", type: "date", nullable: true),
                ReplyText = table.Column<string>(name: "reply_text", type: "text", nullable: false),
                Version = table.Column<int>(name: "version", type: "integer", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_applications", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "application_events",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ApplicationId = table.Column<Guid>(name: "application_id", type: "uuid", nullable: false),
                Sequence = table.Column<int>(name: "sequence", type: "integer", nullable: false),
                Kind = table.Column<int>(name: "kind", type: "integer", nullable: false),
                Date = table.Column<DateOnly>(name: "date", type: "date", nullable: false),
                RecordedAtUtcTicks = table.Column<long>(name: "recorded_at_utc_ticks", type: "bigint", nullable: false),
                Actor = table.Column<string>(name: "actor", type: "character varying(100)", maxLength: 100, nullable: false),
                Text = table.Column<string>(name: "text", type: "text", nullable: false),
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
                Id = table.Column<long>(name: "id", type: "bigint", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ApplicationId = table.Column<Guid>(name: "application_id", type: "uuid", nullable: false),
                Sequence = table.Column<int>(name: "sequence", type: "integer", nullable: false),
                From = table.Column<DateOnly>(name: "from_date", type: "date", nullable: false),
                To = table.Column<DateOnly>(name: "to_date", type: "date", nullable: true),
                Reason = table.Column<string>(name: "reason", type: "character varying(200)", maxLength: 200, nullable: false),
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
                Id = table.Column<Guid>(name: "id", type: "uuid", nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "character varying(64)", maxLength: 64, nullable: false),
                ApplicationId = table.Column<Guid>(name: "application_id", type: "uuid", nullable: true),
                Kind = table.Column<int>(name: "kind", type: "integer", nullable: false),
                FiledOn = table.Column<DateOnly>(name: "filed_on", type: "date", nullable: false),
                Result = table.Column<int>(name: "result", type: "integer", nullable: false),
                DecidedOn = table.Column<DateOnly>(name: "decided_on", type: "date", nullable: true),
                CoDefendant = table.Column<bool>(name: "co_defendant", type: "boolean", nullable: false),
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
