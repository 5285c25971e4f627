using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Gongkai.IntegrationTests;

/// <summary>The first commit is made on the server, then reported to the caller as a lost connection (transient).</summary>
internal sealed class FailAfterTheFirstCommit : DbTransactionInterceptor
{
    public bool Failed { get; private set; }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Failed)
        {
            return Task.CompletedTask;
        }

        Failed = true;
        return Task.FromException(new NpgsqlException("simulated: connection lost after the commit", new IOException()));
    }
}
