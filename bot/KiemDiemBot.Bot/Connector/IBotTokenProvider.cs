namespace KiemDiemBot.Bot.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector (PROTOCOL.md 3.1).</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A token for the Connector scope, from the cache unless <paramref name="forceRefresh"/> is set;
    /// null in local mode, where no Authorization header is sent.
    /// </summary>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
