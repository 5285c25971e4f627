using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// A summarised report's numbers go in one packed value (report_summary_numbers) instead of one row a cell
/// (report_summary_cells). The summaries are a cache of figures computed from the stored reports: they are emptied here
/// and rebuilt by the first overview of each year (ReportSummaryStore), as for reports written before they existed.
/// </summary>
public abstract class PackedSummaryNumbers : Migration
{
    public const string Id = "20261215000000_PackedSummaryNumbers";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DELETE FROM report_summary_texts;");
        migrationBuilder.Sql("DELETE FROM report_summaries;");
        migrationBuilder.DropTable(name: "report_summary_cells");
        migrationBuilder.CreateTable(
            name: "report_summary_numbers",
            columns: table => new
            {
                summary_id = table.Column<long>(nullable: false),
                cells = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_report_summary_numbers", x => x.summary_id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DELETE FROM report_summary_texts;");
        migrationBuilder.Sql("DELETE FROM report_summaries;");
        migrationBuilder.DropTable(name: "report_summary_numbers");
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
    }
}

/// <summary>Registers <see cref="PackedSummaryNumbers"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(PackedSummaryNumbers.Id)]
internal sealed class PackedSummaryNumbersSqlite : PackedSummaryNumbers;

/// <summary>Registers <see cref="PackedSummaryNumbers"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(PackedSummaryNumbers.Id)]
internal sealed class PackedSummaryNumbersPostgres : PackedSummaryNumbers;
