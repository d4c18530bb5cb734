using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>Keeps every log line the host writes, so a test can check what an operator would read.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> entries = new();

    public IReadOnlyList<RecordedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<RecordedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new RecordedLog(category, eventId.Id, logLevel, formatter(state, exception)) { Exception = exception?.ToString() });
    }
}

/// <summary>One log line: where from, its event id, its level and its text.</summary>
public sealed record RecordedLog(string Category, int EventId, LogLevel Level, string Message)
{
    /// <summary>The exception logged with the line, with its stack trace, as a log sink would write it.</summary>
    public string? Exception { get; init; }
}
