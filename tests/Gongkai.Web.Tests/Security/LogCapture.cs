using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gongkai.Web.Tests.Security;

/// <summary>Every log message the host writes, at every level the host's filters let through.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Messages.Enqueue($"{category} {logLevel}: {formatter(state, exception)}");
    }
}
