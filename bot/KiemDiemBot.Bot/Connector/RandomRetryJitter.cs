namespace KiemDiemBot.Bot.Connector;

internal sealed class RandomRetryJitter : IRetryJitter
{
    public double Next() => Random.Shared.NextDouble();
}
