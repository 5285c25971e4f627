using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Persistence;

/// <summary>
/// The read-only rule of a supervisor's scope (<see cref="GongkaiDbContext"/>'s save guard) for the writes that do
/// not pass through SaveChanges: ExecuteUpdate, ExecuteDelete and raw SQL. A supervisor reads the agencies beneath
/// its office and never acts on them (条例第四十七条: the supervising office oversees, the agency handles), so in
/// a read-only scope such a command is refused before it reaches the database, whatever code issued it. As in the
/// save guard, accounts (sign-in counters, session stamps) stay writable; the audit log is appended to through
/// SaveChanges, never updated or deleted in bulk.
/// </summary>
internal sealed partial class ReadOnlyScopeGuard : DbCommandInterceptor
{
    public static readonly ReadOnlyScopeGuard Instance = new();

    private static readonly HashSet<string> Writable = new(StringComparer.OrdinalIgnoreCase) { "staff_users" };

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw)
            || eventData.Context is not GongkaiDbContext { Scope.ReadOnly: true })
        {
            return;
        }

        var target = TargetRegex().Match(command.CommandText);
        if (!target.Success || !Writable.Contains(target.Groups[1].Value))
        {
            throw new InvalidOperationException($"只读范围内不能修改数据（{(target.Success ? target.Groups[1].Value : "SQL")}）。");
        }
    }

    /// <summary>The table an UPDATE or DELETE names first (quoted on SQLite, bare on PostgreSQL).</summary>
    [GeneratedRegex("""^\s*(?:UPDATE|DELETE\s+FROM)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex TargetRegex();
}
