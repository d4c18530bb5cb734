namespace KiemDiemBot.Bot.Connector;

/// <summary>The random part of the backoff, injectable so tests get fixed delays.</summary>
public interface IRetryJitter
{
    /// <summary>A number in [0, 1).</summary>
    double Next();
}
