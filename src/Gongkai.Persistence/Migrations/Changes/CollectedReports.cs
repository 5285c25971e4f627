using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// Reports a supervising office collects from agencies that do not use Gongkai: the files as they came, and
/// versions of their reading (import, then confirmed corrections) with the overview's figures stored on write.
/// </summary>
public abstract class CollectedReports : Migration
{
    public const string Id = "20261205000000_CollectedReports";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "collected_sources",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                file_name = table.Column<string>(maxLength: 260, nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                bytes = table.Column<byte[]>(nullable: false),
                collected_at_utc_ticks = table.Column<long>(nullable: false),
                collected_by = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_collected_sources", x => x.id));

        migrationBuilder.CreateTable(
            name: "collected_reports",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                source_id = table.Column<long>(nullable: false),
                agency_code = table.Column<string>(maxLength: 64, nullable: false),
                year = table.Column<int>(nullable: false),
                number = table.Column<int>(nullable: false),
                current = table.Column<bool>(nullable: false),
                json = table.Column<string>(nullable: false),
                diagnostics_json = table.Column<string>(nullable: false),
                note = table.Column<string>(nullable: false),
                published_on = table.Column<DateOnly>(nullable: true),
                late = table.Column<bool>(nullable: false),
                errors = table.Column<int>(nullable: false),
                warnings = table.Column<int>(nullable: false),
                uncertain = table.Column<int>(nullable: false),
                score = table.Column<int>(nullable: false),
                created_at_utc_ticks = table.Column<long>(nullable: false),
                created_by = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_collected_reports", x => x.id));
        migrationBuilder.CreateIndex(
            name: "ix_collected_reports_agency_year_number", table: "collected_reports", columns: ["agency_code", "year", "number"], unique: true);
        migrationBuilder.CreateIndex(name: "ix_collected_reports_year_current", table: "collected_reports", columns: ["year", "current"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "collected_reports");
        migrationBuilder.DropTable(name: "collected_sources");
    }
}

/// <summary>Registers <see cref="CollectedReports"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(CollectedReports.Id)]
internal sealed class CollectedReportsSqlite : CollectedReports;

/// <summary>Registers <see cref="CollectedReports"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(CollectedReports.Id)]
internal sealed class CollectedReportsPostgres : CollectedReports;
