using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// A staff account's security stamp: changed on sign-out, role change, password change and lock, and checked
/// on every request, so an old sign-in cookie stops working. The first change stated once for both providers.
/// </summary>
public abstract class SecurityStamp : Migration
{
    public const string Id = "20261130010000_SecurityStamp";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "security_stamp",
            table: "staff_users",
            maxLength: 64,
            nullable: false,
            defaultValue: string.Empty);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "security_stamp", table: "staff_users");
    }
}

/// <summary>Registers <see cref="SecurityStamp"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(SecurityStamp.Id)]
internal sealed class SecurityStampSqlite : SecurityStamp;

/// <summary>Registers <see cref="SecurityStamp"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(SecurityStamp.Id)]
internal sealed class SecurityStampPostgres : SecurityStamp;
