namespace KiemDiemBot.Bot.Connector;

/// <summary>Local mode has no App ID: the local channel is called without a token.</summary>
internal sealed class LocalModeTokenProvider : IBotTokenProvider
{
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<string?> RefreshAsync(string rejectedToken, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
