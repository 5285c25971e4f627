using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// The working-day calendar as data an installation administrator maintains: every upload makes a new version of
/// the whole calendar (calendar_versions + calendar_days); the newest is in force, the older ones are history.
/// </summary>
public abstract class CalendarHistory : Migration
{
    public const string Id = "20261202010000_CalendarHistory";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "calendar_versions",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Identity(),
                applied_at_utc_ticks = table.Column<long>(nullable: false),
                applied_by = table.Column<string>(maxLength: 64, nullable: false),
                source = table.Column<string>(maxLength: 200, nullable: false),
                uploaded_years = table.Column<string>(maxLength: 400, nullable: false),
                covered_years = table.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_calendar_versions", x => x.id));

        migrationBuilder.CreateTable(
            name: "calendar_days",
            columns: table => new
            {
                version_id = table.Column<int>(nullable: false),
                date = table.Column<DateOnly>(nullable: false),
                kind = table.Column<int>(nullable: false),
                name = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_calendar_days", x => new { x.version_id, x.date });
                table.ForeignKey("fk_calendar_days_calendar_versions_version_id", x => x.version_id, "calendar_versions", "id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "calendar_days");
        migrationBuilder.DropTable(name: "calendar_versions");
    }
}

/// <summary>Registers <see cref="CalendarHistory"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(CalendarHistory.Id)]
internal sealed class CalendarHistorySqlite : CalendarHistory;

/// <summary>Registers <see cref="CalendarHistory"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(CalendarHistory.Id)]
internal sealed class CalendarHistoryPostgres : CalendarHistory;
