using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// The proactive-disclosure registry (issue 14, 条例第十九条至第二十六条): catalogue items, their attachments and
/// review steps, and the yearly decision counts and fee totals for table 二.
/// </summary>
public abstract class RegistryTables : Migration
{
    public const string Id = "20261206010000_Registry";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "registry_documents",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                agency_code = table.Column<string>(maxLength: 64, nullable: false),
                index_number = table.Column<string>(maxLength: 64, nullable: false),
                index_scheme = table.Column<string>(maxLength: 100, nullable: false),
                title = table.Column<string>(maxLength: 500, nullable: false),
                publisher = table.Column<string>(maxLength: 200, nullable: false),
                document_number = table.Column<string>(maxLength: 100, nullable: true),
                registration_number = table.Column<string>(maxLength: 100, nullable: true),
                topic = table.Column<string>(maxLength: 100, nullable: true),
                category = table.Column<int>(nullable: false),
                formed_on = table.Column<DateOnly>(nullable: false),
                published_on = table.Column<DateOnly>(nullable: true),
                validity = table.Column<int>(nullable: false),
                amended_on = table.Column<DateOnly>(nullable: true),
                repealed_on = table.Column<DateOnly>(nullable: true),
                expired_on = table.Column<DateOnly>(nullable: true),
                changed_on = table.Column<DateOnly>(nullable: true),
                disclosure_mode = table.Column<int>(nullable: false),
                withheld_ground = table.Column<string>(nullable: true),
                body = table.Column<string>(nullable: false),
                state = table.Column<int>(nullable: false),
                author = table.Column<string>(maxLength: 64, nullable: false),
                attribute_reviewer = table.Column<string>(maxLength: 64, nullable: true),
                amends_id = table.Column<long>(nullable: true),
                repeals_id = table.Column<long>(nullable: true),
                interprets_id = table.Column<long>(nullable: true),
                extra_json = table.Column<string>(nullable: true),
                created_at_utc_ticks = table.Column<long>(nullable: false),
                version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_registry_documents", x => x.id));
        migrationBuilder.CreateIndex("ix_registry_documents_index_number", "registry_documents", "index_number", unique: true);
        migrationBuilder.CreateIndex("ix_registry_documents_agency_category_published", "registry_documents", ["agency_code", "category", "published_on"]);
        migrationBuilder.CreateIndex("ix_registry_documents_agency_state_formed", "registry_documents", ["agency_code", "state", "formed_on"]);
        migrationBuilder.CreateIndex("ix_registry_documents_interprets", "registry_documents", "interprets_id");

        migrationBuilder.CreateTable(
            name: "registry_attachments",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                document_id = table.Column<long>(nullable: false),
                file_name = table.Column<string>(maxLength: 260, nullable: false),
                content_type = table.Column<string>(maxLength: 100, nullable: false),
                size = table.Column<long>(nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                text = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_registry_attachments", x => x.id);
                table.ForeignKey("fk_registry_attachments_document", x => x.document_id, "registry_documents", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_registry_attachments_document", "registry_attachments", "document_id");

        migrationBuilder.CreateTable(
            name: "registry_review_steps",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                document_id = table.Column<long>(nullable: false),
                action = table.Column<int>(nullable: false),
                from_state = table.Column<int>(nullable: false),
                to_state = table.Column<int>(nullable: false),
                actor = table.Column<string>(maxLength: 64, nullable: false),
                at_utc_ticks = table.Column<long>(nullable: false),
                note = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_registry_review_steps", x => x.id);
                table.ForeignKey("fk_registry_review_steps_document", x => x.document_id, "registry_documents", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("ix_registry_review_steps_document", "registry_review_steps", "document_id");

        migrationBuilder.CreateTable(
            name: "registry_decision_counts",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                agency_code = table.Column<string>(maxLength: 64, nullable: false),
                year = table.Column<int>(nullable: false),
                licensing = table.Column<int>(nullable: true),
                penalty = table.Column<int>(nullable: true),
                coercion = table.Column<int>(nullable: true),
                fees_yuan = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                source = table.Column<string>(maxLength: 260, nullable: false),
                imported_at_utc_ticks = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_registry_decision_counts", x => x.id));
        migrationBuilder.CreateIndex("ix_registry_decision_counts_agency_year", "registry_decision_counts", ["agency_code", "year"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("registry_decision_counts");
        migrationBuilder.DropTable("registry_review_steps");
        migrationBuilder.DropTable("registry_attachments");
        migrationBuilder.DropTable("registry_documents");
    }
}

/// <summary>Registers <see cref="RegistryTables"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(RegistryTables.Id)]
internal sealed class RegistryTablesSqlite : RegistryTables;

/// <summary>Registers <see cref="RegistryTables"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(RegistryTables.Id)]
internal sealed class RegistryTablesPostgres : RegistryTables;
