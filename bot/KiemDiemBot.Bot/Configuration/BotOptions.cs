namespace KiemDiemBot.Bot.Configuration;

/// <summary>The <c>Bot</c> section: the bot's Microsoft Entra registration and who may talk to it.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Microsoft App ID. Empty = local mode: the host plays the channel itself, on loopback only.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret; from environment variables or user secrets only, never from a file in the repository.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The Entra tenant of a single-tenant bot; the outbound token authority.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Tenant ids whose activities are accepted; empty = only <see cref="MicrosoftAppTenantId"/>.</summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>The Bot Framework channel's OpenID metadata (tests point it at a local issuer).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The issuer of the channel's tokens.</summary>
    public string ChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Where outbound tokens come from (Entra ID); the tenant is appended.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The scope of outbound Connector tokens.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>The largest request body /api/messages reads; larger ones are answered 413 unread.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);
}
