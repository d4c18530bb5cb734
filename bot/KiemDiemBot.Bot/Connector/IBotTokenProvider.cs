namespace KiemDiemBot.Bot.Connector;

/// <summary>The bearer token the bot presents to the Bot Connector (PROTOCOL.md 3.1).</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A token for the Connector scope, from the cache unless <paramref name="forceRefresh"/> is set;
    /// null in local mode, where no Authorization header is sent.
    /// </summary>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);

    /// <summary>
    /// A new token after the Connector refused <paramref name="rejectedToken"/> (401): refreshed once, however many
    /// calls were refused with it at the same time; a caller whose rejected token was already replaced gets the new one.
    /// </summary>
    Task<string?> RefreshAsync(string rejectedToken, CancellationToken cancellationToken);
}
