using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Sqlite;

/// <summary>条例第三十五条: the later reasonable deadline an agency may set (written by hand).</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration("20261122020000_AgreedDeadline")]
public sealed class AgreedDeadline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(
            name: "agreed_deadline",
            table: "applications",
            type: "TEXT",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "agreed_deadline", table: "applications");
    }
}
