using KiemDiemBot.Bot.Configuration;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Auth;

/// <summary>
/// The channel's signing keys and their endorsements, both read from <see cref="BotOptions.OpenIdMetadataUrl"/>
/// and cached for the life of the process (IdentityModel refreshes them every 12 hours, and at most every
/// 5 minutes on request).
/// </summary>
public sealed class ChannelMetadata
{
    public const string HttpClientName = "KiemDiemBot.ChannelMetadata";

    // IdentityModel 8 refreshes on a background task unless told otherwise, so the retry after
    // RequestRefresh would still see the old key set. In blocking mode the next read fetches the new one.
    // The switch is cached on IdentityModel's first use, so the host sets it in its runtimeconfig
    // (KiemDiemBot.Bot.csproj); setting it here covers hosts that construct this before touching IdentityModel.
    private const string BlockingRefreshSwitch = "Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking";

    private readonly ConfigurationManager<OpenIdConnectConfiguration> openIdConfiguration;
    private readonly ConfigurationManager<KeyEndorsements> endorsements;

    static ChannelMetadata() => AppContext.SetSwitch(BlockingRefreshSwitch, true);

    public ChannelMetadata(BotOptions options, IHttpClientFactory httpClientFactory)
    {
        if (!Uri.TryCreate(options.OpenIdMetadataUrl, UriKind.Absolute, out var metadataUrl))
        {
            throw new InvalidOperationException("Bot:OpenIdMetadataUrl must be an absolute URL.");
        }
        // Plain HTTP is allowed only for a local test issuer.
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName))
        {
            RequireHttps = !metadataUrl.IsLoopback,
        };
        openIdConfiguration = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever);
        endorsements = new ConfigurationManager<KeyEndorsements>(
            options.OpenIdMetadataUrl, new EndorsementsRetriever(), retriever);
    }

    /// <exception cref="InvalidOperationException">The metadata cannot be fetched and nothing is cached.</exception>
    public async Task<IReadOnlyCollection<SecurityKey>> GetSigningKeysAsync(CancellationToken cancellationToken)
    {
        var configuration = await openIdConfiguration.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        return [.. configuration.SigningKeys];
    }

    /// <summary>
    /// The endorsements, refetched once when the key is missing from the cached table (the key set and the
    /// table are cached separately and may have been read at different times).
    /// </summary>
    /// <exception cref="InvalidOperationException">The key set cannot be fetched and nothing is cached.</exception>
    public async Task<KeyEndorsements> GetEndorsementsAsync(string? keyId, CancellationToken cancellationToken)
    {
        var table = await endorsements.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (table.HasKey(keyId) || keyId is null)
        {
            return table;
        }
        endorsements.RequestRefresh();
        return await endorsements.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks for fresh keys and endorsements on the next read (a token named a key not in the cache).</summary>
    public void RequestRefresh()
    {
        openIdConfiguration.RequestRefresh();
        endorsements.RequestRefresh();
    }
}
