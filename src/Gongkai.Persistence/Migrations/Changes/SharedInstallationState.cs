using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// What several web servers on one PostgreSQL database must agree on without a shared folder: the data-protection
/// key ring (cookies, form tokens) and the access-code secret. On SQLite (one server) the tables stay empty and the
/// files in the data directory are used as before.
/// </summary>
public abstract class SharedInstallationState : Migration
{
    public const string Id = "20261202020000_SharedInstallationState";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Identity(),
                friendly_name = table.Column<string>(maxLength: 200, nullable: false),
                xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_data_protection_keys", x => x.id));

        migrationBuilder.CreateTable(
            name: "installation_secrets",
            columns: table => new
            {
                name = table.Column<string>(maxLength: 64, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_installation_secrets", x => x.name));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "installation_secrets");
        migrationBuilder.DropTable(name: "data_protection_keys");
    }
}

/// <summary>Registers <see cref="SharedInstallationState"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(SharedInstallationState.Id)]
internal sealed class SharedInstallationStateSqlite : SharedInstallationState;

/// <summary>Registers <see cref="SharedInstallationState"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(SharedInstallationState.Id)]
internal sealed class SharedInstallationStatePostgres : SharedInstallationState;
