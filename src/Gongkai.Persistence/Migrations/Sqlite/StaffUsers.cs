using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Sqlite;

/// <summary>Staff accounts for the officers' workspace (written by hand, like every migration here).</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration("20261122010000_StaffUsers")]
public sealed class StaffUsers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "staff_users",
            columns: table => new
            {
                Id = table.Column<int>(name: "id", type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                UserName = table.Column<string>(name: "user_name", type: "TEXT", nullable: false),
                DisplayName = table.Column<string>(name: "display_name", type: "TEXT", nullable: false),
                PasswordHash = table.Column<string>(name: "password_hash", type: "TEXT", nullable: false),
                Role = table.Column<int>(name: "role", type: "INTEGER", nullable: false),
                AgencyCode = table.Column<string>(name: "agency_code", type: "TEXT", nullable: false),
                FailedAttempts = table.Column<int>(name: "failed_attempts", type: "INTEGER", nullable: false),
                LockedUntilUtcTicks = table.Column<long>(name: "locked_until_utc_ticks", type: "INTEGER", nullable: true),
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
