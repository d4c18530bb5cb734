namespace KiemDiemBot.Scheduler;

/// <summary>
/// The demo clock (<see cref="SchedulerOptions.Now"/>): starts at a chosen instant and runs on at the real pace.
/// Timestamps and timers are the real clock's, so delays, timeouts and leases behave as usual.
/// </summary>
public sealed class DemoTimeProvider : TimeProvider
{
    private readonly DateTimeOffset start;
    private readonly TimeProvider real;
    private readonly long startedAt;

    public DemoTimeProvider(DateTimeOffset start, TimeProvider real)
    {
        ArgumentNullException.ThrowIfNull(real);
        this.start = start;
        this.real = real;
        startedAt = real.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + real.GetElapsedTime(startedAt);

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
