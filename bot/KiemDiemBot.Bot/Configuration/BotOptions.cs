using KiemDiemBot.Bot.Connector;

namespace KiemDiemBot.Bot.Configuration;

/// <summary>The <c>Bot</c> section: the bot's Microsoft Entra registration, who may talk to it, and where it may send.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Teams channel; the only one accepted unless <see cref="AllowedChannels"/> says otherwise.</summary>
    public const string TeamsChannel = "msteams";

    /// <summary>
    /// The Bot Connector's hosts for the commercial cloud, GCC and GCC High (PROTOCOL.md 3.3): where Teams
    /// conversations' serviceUrls point.
    /// </summary>
    public static IReadOnlyList<string> TeamsConnectorHosts { get; } =
        ["smba.trafficmanager.net", "smba.infra.gcc.teams.microsoft.com", "smba.infra.gov.teams.microsoft.us"];

    /// <summary>The Microsoft App ID. Empty = local mode: the host plays the channel itself, on loopback only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret; from environment variables or user secrets only, never from a file in the repository.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant of the single-tenant bot; the outbound token authority. Required with an app id.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Tenant ids whose activities are accepted; empty = only <see cref="MicrosoftAppTenantId"/>.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>The channel ids whose activities are accepted in Teams mode (an activity's <c>channelId</c>).</summary>
    public List<string> AllowedChannels { get; set; } = [TeamsChannel];

    /// <summary>The largest request body <c>/api/messages</c> reads; a longer one is answered 413.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// The hosts the Connector client may call (the bot's token goes with every call): exact host names, or
    /// <c>*.example.com</c> for any host under example.com. In local mode the host's own local channel is also allowed.
    /// </summary>
    public List<string> ConnectorHosts { get; set; } = [.. TeamsConnectorHosts];

    /// <summary>How the Connector client retries and how long one call may take.</summary>
    public ConnectorRetryOptions ConnectorRetry { get; set; } = new();

    /// <summary>
    /// How the upload of an accepted file (Teams' file consent) retries and how long it may take in all: it runs
    /// while Teams waits for the invoke's answer, so the defaults keep it well under Teams' 15 seconds.
    /// </summary>
    public ConnectorRetryOptions FileUploadRetry { get; set; } = new()
    {
        MaxRetries = 2,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(4),
        AttemptTimeout = TimeSpan.FromSeconds(8),
        CallTimeout = TimeSpan.FromSeconds(12),
    };

    /// <summary>The Bot Framework channel's OpenID metadata (tests point it at a local issuer).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the channel's tokens.</summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Where outbound tokens come from (Entra ID); the tenant is appended.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope of outbound Connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// The host name Teams reaches the bot at, without scheme, port or path (e.g. <c>kiemdiem.example.org</c>): the
    /// Teams app package's valid domain and default links. Needed by the <c>package</c> command only.
    /// </summary>
    public string? PublicHostName { get; set; }

    /// <summary>The Teams app package's publisher details and version (<c>Bot:TeamsApp</c>).</summary>
    public TeamsAppOptions TeamsApp { get; set; } = new();

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>
    /// True when <paramref name="value"/> is a DNS host name with at least one dot (what Teams accepts as a valid
    /// domain): letters, digits and hyphens in labels of at most 63 characters, no scheme, port or path.
    /// </summary>
    public static bool IsPublicHostName(string? value) =>
        value is { Length: > 0 and <= 253 }
        && value.Contains('.', StringComparison.Ordinal)
        && Uri.CheckHostName(value) == UriHostNameType.Dns
        && value.Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');

    /// <summary>Every bad key of the section, each as one sentence naming it; empty when the section is good.</summary>
    public IEnumerable<string> Validate()
    {
        const string Section = SectionName + ":";
        if (!IsLocalMode)
        {
            if (!Guid.TryParse(MicrosoftAppId, out _))
            {
                yield return $"{Section}{nameof(MicrosoftAppId)} must be the bot's app id, a GUID";
            }
            if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            {
                yield return $"{Section}{nameof(MicrosoftAppPassword)} must be set (environment variable Bot__MicrosoftAppPassword) when {Section}{nameof(MicrosoftAppId)} is set";
            }
            if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            {
                yield return $"{Section}{nameof(MicrosoftAppTenantId)} must be set when {Section}{nameof(MicrosoftAppId)} is set";
            }
        }
        if (!string.IsNullOrWhiteSpace(MicrosoftAppTenantId) && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            yield return $"{Section}{nameof(MicrosoftAppTenantId)} must be a tenant id, a GUID";
        }
        for (var i = 0; i < AllowedTenants.Count; i++)
        {
            if (!Guid.TryParse(AllowedTenants[i], out _))
            {
                yield return $"{Section}{nameof(AllowedTenants)}:{i} must be a tenant id, a GUID";
            }
        }
        if (AllowedChannels.Count == 0)
        {
            yield return $"{Section}{nameof(AllowedChannels)} must list at least one channel id, e.g. {TeamsChannel}";
        }
        for (var i = 0; i < AllowedChannels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(AllowedChannels[i]))
            {
                yield return $"{Section}{nameof(AllowedChannels)}:{i} must be a channel id, e.g. {TeamsChannel}";
            }
        }
        if (!string.IsNullOrWhiteSpace(PublicHostName) && !IsPublicHostName(PublicHostName))
        {
            yield return $"{Section}{nameof(PublicHostName)} must be a host name such as kiemdiem.example.org, without https:// or a path";
        }
        foreach (var problem in TeamsApp.Validate($"{Section}{nameof(TeamsApp)}"))
        {
            yield return problem;
        }
        if (MaxActivityBytes <= 0)
        {
            yield return $"{Section}{nameof(MaxActivityBytes)} must be greater than 0";
        }
        if (ConnectorHosts.Count == 0)
        {
            yield return $"{Section}{nameof(ConnectorHosts)} must list at least one host, e.g. {TeamsConnectorHosts[0]}";
        }
        for (var i = 0; i < ConnectorHosts.Count; i++)
        {
            if (!ConnectorHostAllowList.IsValidEntry(ConnectorHosts[i]))
            {
                yield return $"{Section}{nameof(ConnectorHosts)}:{i} must be a host name such as {TeamsConnectorHosts[0]} or *.example.com";
            }
        }
        foreach (var problem in ConnectorRetry.Validate($"{Section}{nameof(ConnectorRetry)}"))
        {
            yield return problem;
        }
        foreach (var problem in FileUploadRetry.Validate($"{Section}{nameof(FileUploadRetry)}"))
        {
            yield return problem;
        }
        if (!IsHttpsOrLoopback(OpenIdMetadataUrl))
        {
            yield return $"{Section}{nameof(OpenIdMetadataUrl)} must be an absolute https URL";
        }
        if (string.IsNullOrWhiteSpace(ChannelTokenIssuer))
        {
            yield return $"{Section}{nameof(ChannelTokenIssuer)} must be set";
        }
        if (!IsHttpsOrLoopback(AuthorityHost))
        {
            yield return $"{Section}{nameof(AuthorityHost)} must be an absolute https URL";
        }
        if (string.IsNullOrWhiteSpace(ConnectorScope))
        {
            yield return $"{Section}{nameof(ConnectorScope)} must be set";
        }
    }

    // Plain http only to this machine, for a test issuer.
    private static bool IsHttpsOrLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
