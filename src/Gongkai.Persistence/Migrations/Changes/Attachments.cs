using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>Files attached to applications (the bytes are content-addressed files under the data directory).</summary>
public abstract class Attachments : Migration
{
    public const string Id = "20261204000200_Attachments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "attachments",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", nullable: false),
                ApplicationId = table.Column<Guid>(name: "application_id", nullable: false),
                FileName = table.Column<string>(name: "file_name", maxLength: 200, nullable: false),
                MediaType = table.Column<string>(name: "media_type", maxLength: 100, nullable: false),
                Size = table.Column<long>(name: "size", nullable: false),
                Sha256 = table.Column<string>(name: "sha256", maxLength: 64, nullable: false),
                Purpose = table.Column<int>(name: "purpose", nullable: false),
                AddedBy = table.Column<string>(name: "added_by", maxLength: 64, nullable: false),
                ByApplicant = table.Column<bool>(name: "by_applicant", nullable: false),
                AddedAtUtcTicks = table.Column<long>(name: "added_at_utc_ticks", nullable: false),
                DeletedAtUtcTicks = table.Column<long>(name: "deleted_at_utc_ticks", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_attachments", x => x.Id);
                table.ForeignKey("fk_attachments_applications", x => x.ApplicationId, "applications", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "ix_attachments_application", table: "attachments", column: "application_id");
        migrationBuilder.CreateIndex(name: "ix_attachments_sha256", table: "attachments", column: "sha256");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "attachments");
    }
}

/// <summary>Registers <see cref="Attachments"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(Attachments.Id)]
internal sealed class AttachmentsSqlite : Attachments;

/// <summary>Registers <see cref="Attachments"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(Attachments.Id)]
internal sealed class AttachmentsPostgres : Attachments;
