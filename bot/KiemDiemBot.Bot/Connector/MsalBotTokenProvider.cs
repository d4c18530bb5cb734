using KiemDiemBot.Bot.Configuration;
using Microsoft.Identity.Client;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID through MSAL, one confidential client for the bot's
/// App ID (this class is a singleton), cached by MSAL's own app token cache. Requests to Entra ID are serialised
/// (PROTOCOL.md 3.1, as the SDK's process-wide semaphore does): concurrent callers on a cold or expiring cache share
/// one acquisition, and a burst of 401s with the same token forces one refresh, not one each.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider, IDisposable
{
    /// <summary>A token this close to expiry is not handed out; MSAL renews it (it does so 5 minutes ahead too).</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim acquiring = new(1, 1);
    private volatile CachedToken? current;

    /// <summary>The authority tenant of a multi-tenant bot (PROTOCOL.md 3.1).</summary>
    public const string MultiTenantAuthority = "botframework.com";

    private readonly IConfidentialClientApplication application;
    private readonly string[] scopes;
    private readonly ILogger<MsalBotTokenProvider> logger;

    public MsalBotTokenProvider(BotOptions options, IHttpClientFactory httpClientFactory, ILogger<MsalBotTokenProvider> logger)
    {
        if (options.IsLocalMode || string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException("Bot:MicrosoftAppId and Bot:MicrosoftAppPassword must be set to request Connector tokens.");
        }
        var tenant = string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) ? MultiTenantAuthority : options.MicrosoftAppTenantId.Trim();
        application = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority($"{options.AuthorityHost.TrimEnd('/')}/{tenant}")
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
        scopes = [options.ConnectorScope];
        this.logger = logger;
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var seen = current;
        if (!forceRefresh && IsFresh(seen))
        {
            return seen!.Token;
        }
        await acquiring.WaitAsync(cancellationToken);
        try
        {
            // Another caller acquired a token while this one waited: share it.
            if (current is { } latest && (!ReferenceEquals(latest, seen) || !forceRefresh) && IsFresh(latest))
            {
                return latest.Token;
            }
            return await AcquireAsync(forceRefresh, cancellationToken);
        }
        finally
        {
            acquiring.Release();
        }
    }

    public async Task<string?> RefreshAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejectedToken);
        await acquiring.WaitAsync(cancellationToken);
        try
        {
            // The first of a burst of 401s refreshed already: the others take its token.
            if (current is { } latest && !string.Equals(latest.Token, rejectedToken, StringComparison.Ordinal) && IsFresh(latest))
            {
                return latest.Token;
            }
            return await AcquireAsync(forceRefresh: true, cancellationToken);
        }
        finally
        {
            acquiring.Release();
        }
    }

    public void Dispose() => acquiring.Dispose();

    private async Task<string> AcquireAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await application.AcquireTokenForClient(scopes)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken);
        if (result.AuthenticationResultMetadata.TokenSource != TokenSource.Cache)
        {
            ConnectorLog.TokenAcquired(logger, forceRefresh, result.ExpiresOn);
        }
        current = new CachedToken(result.AccessToken, result.ExpiresOn);
        return result.AccessToken;
    }

    // MSAL stamps ExpiresOn with the machine's clock, so that is the clock to compare with (not the injected one,
    // which a demo may have moved).
    private static bool IsFresh(CachedToken? token) => token is not null && token.ExpiresOn - ExpiryMargin > TimeProvider.System.GetUtcNow();

    private sealed record CachedToken(string Token, DateTimeOffset ExpiresOn);
}
