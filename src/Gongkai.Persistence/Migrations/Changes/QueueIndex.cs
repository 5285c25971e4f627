using Gongkai.Persistence.Entities;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongkai.Persistence.Migrations.Changes;

/// <summary>The queue's index: an agency's cases by state and date received (<see cref="ApplicationQueueIndexConfiguration"/>).</summary>
public abstract class QueueIndex : Migration
{
    public const string Id = "20261207000100_QueueIndex";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: ApplicationQueueIndexConfiguration.Name,
            table: "applications",
            columns: ["agency_code", "state", "first_received_on"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: ApplicationQueueIndexConfiguration.Name, table: "applications");
    }
}

/// <summary>Registers <see cref="QueueIndex"/> for SQLite.</summary>
[DbContext(typeof(SqliteGongkaiDbContext))]
[Migration(QueueIndex.Id)]
internal sealed class QueueIndexSqlite : QueueIndex;

/// <summary>Registers <see cref="QueueIndex"/> for PostgreSQL.</summary>
[DbContext(typeof(PostgresGongkaiDbContext))]
[Migration(QueueIndex.Id)]
internal sealed class QueueIndexPostgres : QueueIndex;
