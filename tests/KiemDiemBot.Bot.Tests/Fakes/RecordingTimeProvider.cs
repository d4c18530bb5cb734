using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports each one-shot timer the code under test starts
/// (a <c>Task.Delay(delay, timeProvider)</c>), so a test advances time only once the wait has begun.
/// Timeouts (a <see cref="CancellationTokenSource"/> cancelled after a while) are not waits and are not reported.
/// </summary>
public sealed class RecordingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private readonly Channel<TimeSpan> delays = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Inner => inner;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && state is not CancellationTokenSource)
        {
            delays.Writer.TryWrite(dueTime);
        }
        return timer;
    }

    /// <summary>The next delay the code started, waiting up to <paramref name="timeout"/> of real time for it.</summary>
    public async Task<TimeSpan> NextDelayAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await delays.Reader.ReadAsync(cancel.Token);
    }

    /// <summary>True when a delay was started and not yet taken by <see cref="NextDelayAsync"/>.</summary>
    public bool HasPendingDelay => delays.Reader.TryPeek(out _);

    public void Advance(TimeSpan by) => inner.Advance(by);
}
