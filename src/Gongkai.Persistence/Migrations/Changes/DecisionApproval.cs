using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>
/// The reply waiting for the office head's approval (答复审核): outcome, day submitted, reply text and the officer
/// who submitted it, on the application row; and the officers' e-mail addresses for the daily digest.
/// </summary>
public abstract class DecisionApproval : Migration
{
    public const string Id = "20261209000100_DecisionApproval";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "proposed_outcome", table: "applications", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "proposed_on", table: "applications", nullable: true);
        migrationBuilder.AddColumn<string>(name: "proposed_reply", table: "applications", nullable: true);
        migrationBuilder.AddColumn<string>(name: "proposed_by", table: "applications", maxLength: 100, nullable: true);
        migrationBuilder.AddColumn<string>(name: "email", table: "staff_users", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "email", table: "staff_users");
        migrationBuilder.DropColumn(name: "proposed_by", table: "applications");
        migrationBuilder.DropColumn(name: "proposed_reply", table: "applications");
        migrationBuilder.DropColumn(name: "proposed_on", table: "applications");
        migrationBuilder.DropColumn(name: "proposed_outcome", table: "applications");
    }
}

/// <summary>Registers <see cref="DecisionApproval"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(DecisionApproval.Id)]
internal sealed class DecisionApprovalSqlite : DecisionApproval;

/// <summary>Registers <see cref="DecisionApproval"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(DecisionApproval.Id)]
internal sealed class DecisionApprovalPostgres : DecisionApproval;
