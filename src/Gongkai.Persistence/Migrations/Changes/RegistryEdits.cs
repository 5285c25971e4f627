using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// Who changed a registry draft after it was created (<c>registry_edits</c>): the review chain refuses them the steps
/// that must be taken by someone other than the author, as it refuses the drafter.
/// </summary>
public abstract class RegistryEdits : Migration
{
    public const string Id = "20261216000100_RegistryEdits";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "registry_edits",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                document_id = table.Column<long>(nullable: false),
                editor = table.Column<string>(maxLength: 64, nullable: false),
                at_utc_ticks = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_registry_edits", x => x.id);
                table.ForeignKey("fk_registry_edits_document", x => x.document_id, "registry_documents", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_registry_edits_document", "registry_edits", "document_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("registry_edits");
    }
}

/// <summary>Registers <see cref="RegistryEdits"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(RegistryEdits.Id)]
internal sealed class RegistryEditsSqlite : RegistryEdits;

/// <summary>Registers <see cref="RegistryEdits"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(RegistryEdits.Id)]
internal sealed class RegistryEditsPostgres : RegistryEdits;
