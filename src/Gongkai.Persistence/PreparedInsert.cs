using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Persistence;

/// <summary>
/// Inserts many new rows of one entity with a single INSERT statement executed row after row (SQLite keeps it
/// prepared on the command; PostgreSQL gets them in batches of <see cref="RowsPerBatch"/>, one round trip each), each
/// returning its generated key, which is set on the row. For the writes of a collect
/// batch (sources, readings, summaries): SaveChanges tracks every row and sends a command of many statements prepared
/// afresh each time, which measured 3–5× slower per row, and collecting files must go at the batch importer's speed.
/// Table, columns and how each value is sent (converters, parameter types) come from the EF Core model, so the rows
/// written are the ones SaveChanges would write. The rows are not tracked.
/// </summary>
public static class PreparedInsert
{
    /// <summary>Rows sent in one round trip where the provider batches commands (PostgreSQL).</summary>
    public const int RowsPerBatch = 100;

    /// <summary>Inserts <paramref name="rows"/> in the current transaction, in order; their generated keys are set.</summary>
    /// <exception cref="InvalidOperationException">No transaction is open, or the context's scope is read-only.</exception>
    /// <exception cref="DbUpdateException">The database refused a row (a unique index, a constraint).</exception>
    public static async Task InsertAsync<T>(GongkaiDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        // The same rule as SaveChanges's guard: a supervisor's read-only scope writes nothing.
        if (db.Scope is { ReadOnly: true })
        {
            throw new InvalidOperationException($"只读范围内不能修改数据（{table}）。");
        }

        if (rows.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("PreparedInsert runs inside the caller's transaction.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var columns = entity.GetProperties().Where(p => p != key).ToList();
        var connection = transaction.Connection!;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A batch takes positional parameters ($1 …), which the server reads without the client rewriting the statement.
        var batched = connection.CanCreateBatch;
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""));
        var values = string.Join(", ", columns.Select((_, i) => (batched ? "$" : "@p") + (batched ? i + 1 : i).ToString(CultureInfo.InvariantCulture)));
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({values})" + (key is null ? string.Empty : $" RETURNING \"{key.GetColumnName(store)}\"");
        var parameters = columns.Select((c, i) => (Mapping: (RelationalTypeMapping)c.GetRelationalTypeMapping(), Getter: c.GetGetter(), c.IsNullable,
            Name: batched ? string.Empty : "@p" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        if (batched)
        {
            foreach (var chunk in rows.Chunk(RowsPerBatch))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var row in chunk)
                {
                    var statement = batch.CreateBatchCommand();
                    statement.CommandText = command.CommandText;
                    foreach (var p in parameters)
                    {
                        // The command only makes the parameter (of the provider's type, configured by the mapping).
                        statement.Parameters.Add(p.Mapping.CreateParameter(command, p.Name, p.Getter.GetClrValueUsingContainingEntity(row), p.IsNullable));
                    }

                    batch.BatchCommands.Add(statement);
                }

                try
                {
                    if (key is null)
                    {
                        await batch.ExecuteNonQueryAsync(cancellationToken);
                        continue;
                    }

                    await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
                    foreach (var row in chunk)
                    {
                        if (!await reader.ReadAsync(cancellationToken))
                        {
                            throw new InvalidOperationException($"INSERT INTO {table} returned no key.");
                        }

                        key.PropertyInfo!.SetValue(row, Convert.ChangeType(reader.GetValue(0), key.ClrType, CultureInfo.InvariantCulture));
                        await reader.NextResultAsync(cancellationToken);
                    }
                }
                catch (DbException e)
                {
                    throw new DbUpdateException($"An error occurred while inserting into {table}.", e);
                }
            }

            return;
        }

        foreach (var row in rows)
        {
            command.Parameters.Clear();
            foreach (var p in parameters)
            {
                command.Parameters.Add(p.Mapping.CreateParameter(command, p.Name, p.Getter.GetClrValueUsingContainingEntity(row), p.IsNullable));
            }

            try
            {
                if (key is null)
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                else
                {
                    var id = await command.ExecuteScalarAsync(cancellationToken);
                    key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, CultureInfo.InvariantCulture));
                }
            }
            catch (DbException e)
            {
                // As SaveChanges reports a refused row (a unique index, a constraint), so callers handle both alike.
                throw new DbUpdateException($"An error occurred while inserting into {table}.", e);
            }
        }
    }
}
