using Gongkai.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Supervision;

/// <summary>
/// One writer of collected reports at a time, for the rest of the current transaction: a version's number, the
/// "current" mark and the check that an officer corrected the version now current are read and written under it, so
/// a correction never lands on a version collected after the one the officer saw, and two writers never take one
/// number. SQLite needs nothing more (its transaction takes the database's write lock as it begins); PostgreSQL takes a
/// transaction-scoped advisory lock.
/// </summary>
internal static class CollectedReportLock
{
    /// <summary>The advisory lock's key: any constant no other lock of the platform uses ("gkcollct" in ASCII).</summary>
    private const long Key = 0x676B_636F_6C6C_6374;

    public static async Task TakeAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("CollectedReportLock is held for a transaction: begin one first.");
        }

        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({Key})", cancellationToken);
        }
    }
}
