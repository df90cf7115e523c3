using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>Every log line the host writes, at every level, with its exception, for tests that check what logs carry.</summary>
public sealed class LogCapture : ILoggerProvider
{
    readonly ConcurrentQueue<string> lines = new();

    public string Text => string.Join('\n', lines);

    /// <summary>One entry per log call: its level, category, message and exception.</summary>
    public string[] Lines => lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose() { }

    sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
