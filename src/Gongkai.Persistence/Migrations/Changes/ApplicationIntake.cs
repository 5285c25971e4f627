using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// The applicant's identity document type and e-mail address, and the submission's idempotency key (unique:
/// the same form submitted twice files one application).
/// </summary>
public abstract class ApplicationIntake : Migration
{
    public const string Id = "20261204000100_ApplicationIntake";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "applicant_id_type", table: "applications", nullable: true);
        migrationBuilder.AddColumn<string>(name: "applicant_email", table: "applications", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "idempotency_key", table: "applications", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex(name: "ix_applications_idempotency_key", table: "applications", column: "idempotency_key", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ix_applications_idempotency_key", table: "applications");
        migrationBuilder.DropColumn(name: "idempotency_key", table: "applications");
        migrationBuilder.DropColumn(name: "applicant_email", table: "applications");
        migrationBuilder.DropColumn(name: "applicant_id_type", table: "applications");
    }
}

/// <summary>Registers <see cref="ApplicationIntake"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(ApplicationIntake.Id)]
internal sealed class ApplicationIntakeSqlite : ApplicationIntake;

/// <summary>Registers <see cref="ApplicationIntake"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(ApplicationIntake.Id)]
internal sealed class ApplicationIntakePostgres : ApplicationIntake;
