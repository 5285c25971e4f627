using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Gongkai.Persistence.Migrations.Postgres;

/// <summary>Staff accounts for the officers' workspace (written by hand, like every migration here).</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration("20261122010000_StaffUsers")]
public sealed class StaffUsers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "staff_users",
            columns: table => new
            {
                Id = table.Column<int>(name: "id", type: "integer", nullable: false)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserName = table.Column<string>(name: "user_name", type: "character varying(64)", maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(name: "display_name", type: "character varying(100)", maxLength: 100, nullable: false),
                PasswordHash = table.Column<string>(name: "password_hash", type: "character varying(200)", maxLength: 200, nullable: false),
                Role = table.Column<int>(name: "role", type: "integer", nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "character varying(64)", maxLength: 64, nullable: false),
                FailedAttempts = table.Column<int>(name: "failed_attempts", type: "integer", nullable: false),
                LockedUntilUtcTicks = table.Column<long>(name: "locked_until_utc_ticks", type: "bigint", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_staff_users", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_staff_users_user_name",
            table: "staff_users",
            column: "user_name",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "staff_users");
    }
}
