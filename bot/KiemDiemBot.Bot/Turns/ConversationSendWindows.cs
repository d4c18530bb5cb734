using KiemDiemBot.Core.Turns;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Teams' per-conversation send limits (PROTOCOL.md 5.1: 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800 in an hour, per bot per
/// thread), kept in memory: a conversation is leased to one instance at a time, and its lane sends one message at a
/// time, so this instance sees every send to it while it holds it. Sliding windows over the times of the sends made.
/// </summary>
public sealed class ConversationSendWindows(TimeProvider clock)
{
    private static readonly (int Limit, TimeSpan Window)[] Limits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);

    private readonly Lock gate = new();
    private readonly Dictionary<ConversationKey, List<DateTimeOffset>> sends = [];
    private DateTimeOffset nextSweep = clock.GetUtcNow() + SweepEvery;

    /// <summary>How long to wait before the next send to <paramref name="conversation"/> stays within every window (zero: now).</summary>
    public TimeSpan WaitBeforeSend(ConversationKey conversation)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!sends.TryGetValue(conversation, out var times))
            {
                return TimeSpan.Zero;
            }
            var wait = TimeSpan.Zero;
            foreach (var (limit, window) in Limits)
            {
                var inWindow = times.Count(t => t > now - window);
                if (inWindow >= limit)
                {
                    // Room again once the oldest send that fills the window leaves it.
                    var freeAt = times[times.Count - limit] + window;
                    wait = freeAt - now > wait ? freeAt - now : wait;
                }
            }
            return wait;
        }
    }

    /// <summary>Counts a send to <paramref name="conversation"/> made now.</summary>
    public void Record(ConversationKey conversation)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (!sends.TryGetValue(conversation, out var times))
            {
                sends[conversation] = times = [];
            }
            times.RemoveAll(t => t <= now - Longest);
            times.Add(now);
            if (now >= nextSweep)
            {
                // Forget conversations with no send in the last hour, so a fan-out to thousands leaves nothing behind.
                foreach (var quiet in sends.Where(s => s.Value[^1] <= now - Longest).Select(s => s.Key).ToList())
                {
                    sends.Remove(quiet);
                }
                nextSweep = now + SweepEvery;
            }
        }
    }
}
