using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// The supervisor's overview and roll-up read stored figures instead of every report's JSON: one summary per agency
/// and year (status, publication day, late, errors, warnings, score) and its filled cells of tables 二, 三 and 四 as
/// numbers the database adds up. Existing reports are summarised when a year's overview is first built (the figures
/// need the validator, which SQL cannot run).
/// </summary>
public abstract class ReportSummaries : Migration
{
    public const string Id = "20261211000000_ReportSummaries";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "report_summaries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Identity(),
                agency_code = table.Column<string>(maxLength: 64, nullable: false),
                year = table.Column<int>(nullable: false),
                source = table.Column<string>(maxLength: 16, nullable: false),
                source_id = table.Column<long>(nullable: false),
                previous_id = table.Column<long>(nullable: true),
                edition = table.Column<string>(maxLength: 8, nullable: false),
                published_on = table.Column<DateOnly>(nullable: true),
                late = table.Column<bool>(nullable: false),
                errors = table.Column<int>(nullable: false),
                warnings = table.Column<int>(nullable: false),
                uncertain = table.Column<int>(nullable: false),
                score = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_summaries", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_report_summaries_year_agency", table: "report_summaries", columns: ["year", "agency_code"], unique: true);

        migrationBuilder.CreateTable(
            name: "report_summary_cells",
            columns: table => new
            {
                summary_id = table.Column<long>(nullable: false),
                cell_id = table.Column<int>(nullable: false),
                millionths = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_summary_cells", x => new { x.summary_id, x.cell_id }));
        migrationBuilder.CreateIndex(
            name: "ix_report_summary_cells_cover", table: "report_summary_cells", columns: ["summary_id", "cell_id", "millionths"]);

        migrationBuilder.CreateTable(
            name: "report_summary_texts",
            columns: table => new
            {
                summary_id = table.Column<long>(nullable: false),
                cell_id = table.Column<int>(nullable: false),
                text = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_summary_texts", x => new { x.summary_id, x.cell_id }));

        migrationBuilder.CreateTable(
            name: "report_cell_keys",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Identity(),
                cell = table.Column<string>(maxLength: 128, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_cell_keys", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_report_cell_keys_cell", table: "report_cell_keys", column: "cell", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "report_cell_keys");
        migrationBuilder.DropTable(name: "report_summary_texts");
        migrationBuilder.DropTable(name: "report_summary_cells");
        migrationBuilder.DropTable(name: "report_summaries");
    }
}

/// <summary>Registers <see cref="ReportSummaries"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(ReportSummaries.Id)]
internal sealed class ReportSummariesSqlite : ReportSummaries;

/// <summary>Registers <see cref="ReportSummaries"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(ReportSummaries.Id)]
internal sealed class ReportSummariesPostgres : ReportSummaries;
