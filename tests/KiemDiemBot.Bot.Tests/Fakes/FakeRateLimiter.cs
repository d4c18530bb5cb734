namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Sliding-window limits per key, as Teams applies them per bot per thread (PROTOCOL.md 5.1).
/// Only accepted requests count. Not thread-safe: the fake Connector calls it under its lock.
/// </summary>
internal sealed class FakeRateLimiter(params (int Limit, TimeSpan Window)[] windows)
{
    /// <summary>Send to conversation / create conversation: 7/1 s, 8/2 s, 60/30 s, 1800/3600 s.</summary>
    public static FakeRateLimiter ForSends() => new(
        (7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1)));

    /// <summary>Get conversation members: 14/1 s, 16/2 s, 120/30 s, 3600/3600 s.</summary>
    public static FakeRateLimiter ForMemberReads() => new(
        (14, TimeSpan.FromSeconds(1)), (16, TimeSpan.FromSeconds(2)), (120, TimeSpan.FromSeconds(30)), (3600, TimeSpan.FromHours(1)));

    private readonly Dictionary<string, List<DateTimeOffset>> accepted = new(StringComparer.Ordinal);
    private readonly TimeSpan longest = windows.Max(w => w.Window);

    /// <summary>Counts the request and answers null, or answers how long to wait when a window is full.</summary>
    public TimeSpan? TryAcquire(string key, DateTimeOffset now)
    {
        if (!accepted.TryGetValue(key, out var times))
        {
            accepted[key] = times = [];
        }
        times.RemoveAll(t => t <= now - longest);
        TimeSpan? wait = null;
        foreach (var (limit, window) in windows)
        {
            var inWindow = times.Where(t => t > now - window).ToList();
            if (inWindow.Count >= limit)
            {
                // The window has room again when the oldest request that fills it leaves it.
                var freeAt = inWindow[inWindow.Count - limit] + window;
                var needed = freeAt - now;
                wait = wait is { } w && w > needed ? w : needed;
            }
        }
        if (wait is null)
        {
            times.Add(now);
        }
        return wait;
    }
}
