using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// Many agencies: each agency's level, kind and closing day (existing rows become active city departments), a
/// disabled flag on staff accounts, and the agency's guide and site settings (条例第十二条).
/// </summary>
public abstract class Organisation : Migration
{
    public const string Id = "20261201010000_Organisation";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "level", table: "agencies", nullable: false, defaultValue: 3);
        migrationBuilder.AddColumn<int>(name: "kind", table: "agencies", nullable: false, defaultValue: 2);
        migrationBuilder.AddColumn<DateOnly>(name: "closed_on", table: "agencies", nullable: true);
        migrationBuilder.CreateIndex(name: "ix_agencies_parent_code", table: "agencies", column: "parent_code");
        migrationBuilder.AddColumn<bool>(name: "disabled", table: "staff_users", nullable: false, defaultValue: false);

        migrationBuilder.CreateTable(
            name: "agency_guides",
            columns: table => new
            {
                agency_code = table.Column<string>(maxLength: 64, nullable: false),
                address = table.Column<string>(maxLength: 300, nullable: false),
                postal_code = table.Column<string>(maxLength: 20, nullable: false),
                office_hours = table.Column<string>(maxLength: 300, nullable: false),
                phone = table.Column<string>(maxLength: 100, nullable: false),
                fax = table.Column<string>(maxLength: 100, nullable: false),
                website = table.Column<string>(maxLength: 300, nullable: false),
                email = table.Column<string>(maxLength: 200, nullable: false),
                how_to_apply = table.Column<string>(nullable: false),
                process = table.Column<string>(nullable: false),
                fees = table.Column<string>(nullable: false),
                remedies = table.Column<string>(nullable: false),
                free_text = table.Column<string>(nullable: false),
                site_sponsor = table.Column<string>(maxLength: 200, nullable: false),
                site_code = table.Column<string>(maxLength: 50, nullable: false),
                icp_record = table.Column<string>(maxLength: 100, nullable: false),
                public_security_record = table.Column<string>(maxLength: 100, nullable: false),
                updated_at_utc_ticks = table.Column<long>(nullable: false),
                updated_by = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_agency_guides", x => x.agency_code));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "agency_guides");
        migrationBuilder.DropColumn(name: "disabled", table: "staff_users");
        migrationBuilder.DropIndex(name: "ix_agencies_parent_code", table: "agencies");
        migrationBuilder.DropColumn(name: "closed_on", table: "agencies");
        migrationBuilder.DropColumn(name: "kind", table: "agencies");
        migrationBuilder.DropColumn(name: "level", table: "agencies");
    }
}

/// <summary>Registers <see cref="Organisation"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(Organisation.Id)]
internal sealed class OrganisationSqlite : Organisation;

/// <summary>Registers <see cref="Organisation"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(Organisation.Id)]
internal sealed class OrganisationPostgres : Organisation;
