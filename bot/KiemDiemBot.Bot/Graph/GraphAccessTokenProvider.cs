using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// App-only Graph tokens (client credentials) for the bot's own registration, from MSAL against
/// <c>Bot:AuthorityHost</c>/<c>Bot:MicrosoftAppTenantId</c> with scope <c>Graph:Scope</c>, through the
/// <see cref="ConnectorHttpClients.Entra"/> client (tests plug FakeEntraId there). A singleton: MSAL's app token
/// cache serves repeated calls. Tokens go only to <c>Graph:BaseUrl</c>'s host.
/// </summary>
internal sealed class GraphAccessTokenProvider : IAccessTokenProvider
{
    private readonly IConfidentialClientApplication application;
    private readonly string[] scopes;
    private readonly ILogger<GraphAccessTokenProvider> logger;

    public GraphAccessTokenProvider(BotOptions bot, GraphOptions graph, IHttpClientFactory httpClientFactory, ILogger<GraphAccessTokenProvider> logger)
    {
        if (bot.IsLocalMode || string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword) || string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId))
        {
            throw new InvalidOperationException("Graph needs the bot's app registration: Bot:MicrosoftAppId, Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId.");
        }
        application = ConfidentialClientApplicationBuilder.Create(bot.MicrosoftAppId)
            .WithClientSecret(bot.MicrosoftAppPassword)
            .WithAuthority($"{bot.AuthorityHost.TrimEnd('/')}/{bot.MicrosoftAppTenantId.Trim()}")
            .WithHttpClientFactory(new MsalHttpClientFactory(httpClientFactory))
            .Build();
        scopes = [graph.Scope];
        AllowedHostsValidator = new AllowedHostsValidator([new Uri(graph.BaseUrl).Host]);
        this.logger = logger;
    }

    public AllowedHostsValidator AllowedHostsValidator { get; }

    public async Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        // The token is sent only over https, or to this machine (a test's fake Graph).
        if (!AllowedHostsValidator.IsUrlHostValid(uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            return string.Empty;
        }
        var result = await application.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (result.AuthenticationResultMetadata.TokenSource != TokenSource.Cache)
        {
            GraphLog.TokenAcquired(logger, result.ExpiresOn);
        }
        return result.AccessToken;
    }
}
