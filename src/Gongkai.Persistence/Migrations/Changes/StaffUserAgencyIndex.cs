using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>An agency's accounts by user name (<see cref="StaffUserAgencyIndexConfiguration"/>).</summary>
public abstract class StaffUserAgencyIndex : Migration
{
    public const string Id = "20261214000100_StaffUserAgencyIndex";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: StaffUserAgencyIndexConfiguration.Name,
            table: "staff_users",
            columns: ["agency_code", "user_name"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: StaffUserAgencyIndexConfiguration.Name, table: "staff_users");
    }
}

/// <summary>Registers <see cref="StaffUserAgencyIndex"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(StaffUserAgencyIndex.Id)]
internal sealed class StaffUserAgencyIndexSqlite : StaffUserAgencyIndex;

/// <summary>Registers <see cref="StaffUserAgencyIndex"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(StaffUserAgencyIndex.Id)]
internal sealed class StaffUserAgencyIndexPostgres : StaffUserAgencyIndex;
