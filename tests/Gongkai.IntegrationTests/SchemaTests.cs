using System.Data.Common;
using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.IntegrationTests;

/// <summary>
/// The migrations and the model agree on both providers: every table and column the model maps exists after
/// migrating, with the nullability the model expects. A change stated in the model but not in a migration
/// (or the other way round) fails here, not in production.
/// </summary>
public sealed class SchemaTests
{
    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void Migrations_CreateEveryTableAndColumnOfTheModel(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var problems = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            var columns = Columns(connection, provider, table);
            if (columns.Count == 0)
            {
                problems.Add($"table {table} missing");
                continue;
            }

            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var name = property.GetColumnName(id);
                if (name is null)
                {
                    continue;
                }

                if (!columns.TryGetValue(name, out var nullable))
                {
                    problems.Add($"{table}.{name} missing");
                }
                else if (!property.IsNullable && nullable && !property.IsPrimaryKey())
                {
                    problems.Add($"{table}.{name} is nullable in the database but required in the model");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [Databases("sqlite")]
    [Databases("postgres")]
    public void Migrations_NothingPending_AndMigratingTwiceChangesNothing(string provider)
    {
        using var database = new TestDatabase(provider);
        using var db = database.Open();
        Assert.Empty(db.Database.GetPendingMigrations());
        Database.Migrate(db);
        Assert.Equal(db.Database.GetMigrations(), db.Database.GetAppliedMigrations());
    }

    private static Dictionary<string, bool> Columns(DbConnection connection, string provider, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = provider == "sqlite"
            ? $"SELECT name, \"notnull\" = 0 FROM pragma_table_info('{table}')"
            : $"SELECT column_name, is_nullable = 'YES' FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'";
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return result;
    }
}
