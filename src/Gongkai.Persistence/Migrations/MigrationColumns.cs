using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Gongkai.Persistence.Migrations;

/// <summary>
/// Helpers for migrations stated once for both providers (see <c>Migrations/Changes</c>). A column declared
/// without a store type gets the provider's own mapping of its CLR type (string with a max length →
/// <c>TEXT</c> / <c>character varying(n)</c>, <see cref="DateOnly"/> → <c>TEXT</c> / <c>date</c>, long →
/// <c>INTEGER</c> / <c>bigint</c>), exactly what the model maps; each provider ignores the other's annotations.
/// </summary>
public static class MigrationColumns
{
    /// <summary>An auto-incremented key on both providers (SQLite AUTOINCREMENT, PostgreSQL identity).</summary>
    public static OperationBuilder<AddColumnOperation> Identity(this OperationBuilder<AddColumnOperation> column) =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
