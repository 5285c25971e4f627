using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Sqlite;

/// <summary>The workspace: audit log, annual-report drafts and published versions, case assignment (written by hand).</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration("20261122030000_Workspace")]
public sealed class Workspace : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "assigned_officer",
            table: "applications",
            type: "TEXT",
            maxLength: 64,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "audit_log",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AtUtcTicks = table.Column<long>(name: "at_utc_ticks", type: "INTEGER", nullable: false),
                Actor = table.Column<string>(name: "actor", type: "TEXT", maxLength: 64, nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "TEXT", maxLength: 64, nullable: false),
                Action = table.Column<string>(name: "action", type: "TEXT", maxLength: 64, nullable: false),
                Target = table.Column<string>(name: "target", type: "TEXT", maxLength: 200, nullable: false),
                Detail = table.Column<string>(name: "detail", type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_log", x => x.Id));
        migrationBuilder.CreateIndex(name: "ix_audit_log_agency_at", table: "audit_log", columns: ["agency_code", "at_utc_ticks"]);

        migrationBuilder.CreateTable(
            name: "report_drafts",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AgencyCode = table.Column<string>(name: "agency_code", type: "TEXT", maxLength: 64, nullable: false),
                Year = table.Column<int>(name: "year", type: "INTEGER", nullable: false),
                Json = table.Column<string>(name: "json", type: "TEXT", nullable: false),
                UpdatedAtUtcTicks = table.Column<long>(name: "updated_at_utc_ticks", type: "INTEGER", nullable: false),
                UpdatedBy = table.Column<string>(name: "updated_by", type: "TEXT", maxLength: 64, nullable: false),
                Version = table.Column<int>(name: "version", type: "INTEGER", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_drafts", x => x.Id));
        migrationBuilder.CreateIndex(name: "ix_report_drafts_agency_year", table: "report_drafts", columns: ["agency_code", "year"], unique: true);

        migrationBuilder.CreateTable(
            name: "report_versions",
            columns: table => new
            {
                Id = table.Column<long>(name: "id", type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AgencyCode = table.Column<string>(name: "agency_code", type: "TEXT", maxLength: 64, nullable: false),
                Year = table.Column<int>(name: "year", type: "INTEGER", nullable: false),
                Number = table.Column<int>(name: "number", type: "INTEGER", nullable: false),
                Json = table.Column<string>(name: "json", type: "TEXT", nullable: false),
                PublishedAtUtcTicks = table.Column<long>(name: "published_at_utc_ticks", type: "INTEGER", nullable: false),
                PublishedBy = table.Column<string>(name: "published_by", type: "TEXT", maxLength: 64, nullable: false),
                ChangeNote = table.Column<string>(name: "change_note", type: "TEXT", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_versions", x => x.Id));
        migrationBuilder.CreateIndex(name: "ix_report_versions_agency_year_number", table: "report_versions", columns: ["agency_code", "year", "number"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "report_versions");
        migrationBuilder.DropTable(name: "report_drafts");
        migrationBuilder.DropTable(name: "audit_log");
        migrationBuilder.DropColumn(name: "assigned_officer", table: "applications");
    }
}
