using KiemDiemBot.Bot.Configuration;
using Microsoft.Identity.Client;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID through MSAL, one confidential client for the bot's
/// App ID (this class is a singleton), cached by MSAL's own app token cache.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
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
        var result = await application.AcquireTokenForClient(scopes)
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken);
        if (result.AuthenticationResultMetadata.TokenSource != TokenSource.Cache)
        {
            ConnectorLog.TokenAcquired(logger, forceRefresh, result.ExpiresOn);
        }
        return result.AccessToken;
    }
}
