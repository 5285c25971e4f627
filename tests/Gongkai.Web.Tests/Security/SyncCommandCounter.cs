using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Security;

/// <summary>
/// Records every database command EF Core executes synchronously while one of this host's requests is running (issue
/// 11 item 9): a startup filter marks the request's async flow, EF Core's diagnostic events say whether each command
/// runs through the async API. Commands of other tests' hosts (same process) and of startup are not this request's.
/// </summary>
internal sealed class SyncCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IStartupFilter, IDisposable
{
    private static readonly AsyncLocal<(SyncCommandCounter Counter, string Request)?> Current = new();
    private readonly ConcurrentQueue<string> _sync = new();
    private readonly ConcurrentQueue<Executed> _all = new();
    private readonly List<IDisposable> _subscriptions = [];
    private int _commands;

    public SyncCommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    /// <summary>A host on <paramref name="provider"/> whose requests this counter records.</summary>
    public (GongkaiFactory Factory, PostgresDatabase? Postgres) Host(string provider) =>
        DatabasesAttribute.Factory(provider, database => new GongkaiFactory
        {
            DatabaseSetting = database,
            ExtraServices = services => services.AddSingleton<IStartupFilter>(this),
        });

    /// <summary>"METHOD /path: SQL" of each synchronous command.</summary>
    public IReadOnlyCollection<string> Synchronous => _sync;

    /// <summary>A command run during a request: its SQL and a copy of its parameters (to run EXPLAIN on it afterwards).</summary>
    public sealed record Executed(string Request, string Sql, IReadOnlyList<System.Data.Common.DbParameter> Parameters);

    /// <summary>Every command executed during this host's requests, in order.</summary>
    public IReadOnlyCollection<Executed> All => _all;

    /// <summary>Commands executed during requests (async and sync): proves the counter sees them.</summary>
    public int Commands => _commands;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
        {
            Current.Value = (this, $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await nextMiddleware(context);
        });
        next(app);
    };

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data || Current.Value is not { } current || current.Counter != this)
        {
            return;
        }

        Interlocked.Increment(ref _commands);
        _all.Enqueue(new Executed(current.Request, data.Command.CommandText, data.Command.Parameters.Cast<System.Data.Common.DbParameter>().Select(Copy).ToList()));
        if (!data.IsAsync)
        {
            _sync.Enqueue($"{current.Request}: {data.Command.CommandText.Split('\n')[0]}");
        }
    }

    private static System.Data.Common.DbParameter Copy(System.Data.Common.DbParameter p) => p is ICloneable cloneable
        ? (System.Data.Common.DbParameter)cloneable.Clone()
        : new Microsoft.Data.Sqlite.SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }
}
