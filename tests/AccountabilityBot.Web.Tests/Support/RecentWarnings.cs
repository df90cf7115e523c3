using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AccountabilityBot.Web.Tests.Support;

/// <summary>
/// The warnings and errors the test process's hosts logged lately, each tagged with its host's data folder, so a test
/// that times out waiting (<see cref="Eventually"/>) says what went wrong meanwhile: a run on a loaded CI machine shows
/// no host output otherwise. Other collections' hosts run beside it, so the lines may be theirs; the tag tells.
/// </summary>
public sealed class RecentWarnings(string host) : ILoggerProvider
{
    const int Kept = 200;
    static readonly ConcurrentQueue<(DateTime At, string Line)> Lines = new();

    /// <summary>The last lines logged since <paramref name="since"/>, oldest first, or null if there were none.</summary>
    public static string? Since(DateTime since, int max = 15)
    {
        var lines = Lines.Where(l => l.At >= since).TakeLast(max).Select(l => $"{l.At:HH:mm:ss.fff} {l.Line}").ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(host, categoryName);

    public void Dispose() { }

    sealed class Logger(string host, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var line = $"[{host}] {logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}";
            Lines.Enqueue((DateTime.UtcNow, line.Length > 600 ? line[..600] + "…" : line));
            while (Lines.Count > Kept) Lines.TryDequeue(out _);
        }
    }
}
