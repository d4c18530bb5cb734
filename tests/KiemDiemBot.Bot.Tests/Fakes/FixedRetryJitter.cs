using KiemDiemBot.Bot.Connector;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>Jitter pinned to the middle of the band, so backoff delays are exactly 1 s, 2 s, 4 s, ...</summary>
public sealed class FixedRetryJitter(double value = 0.5) : IRetryJitter
{
    public double Next() => value;
}
