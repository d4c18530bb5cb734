namespace KiemDiemBot.Bot.Auth;

/// <summary>Why an inbound request was refused; logged as the outcome, answered as 401 with no body.</summary>
public enum InboundAuthFailure
{
    None,

    /// <summary>Local mode (no app id) accepts requests from the loopback address only.</summary>
    NotLoopback,
    MissingAuthorizationHeader,
    WrongScheme,

    /// <summary>The channel's OpenID metadata or key set could not be fetched and none is cached.</summary>
    MetadataUnavailable,

    /// <summary>Issuer, audience, lifetime, algorithm or signature did not validate.</summary>
    InvalidToken,

    /// <summary>The signing key is not endorsed for the activity's channel (or carries no endorsements).</summary>
    KeyNotEndorsed,
    ServiceUrlMismatch,
    TenantNotAllowed,

    /// <summary>The activity's <c>channelId</c> is not on <c>Bot:AllowedChannels</c> (e.g. <c>directline</c> in Teams mode).</summary>
    ChannelNotAllowed,

    /// <summary>The activity has no <c>conversation.tenantId</c> (the tenant is read from there only).</summary>
    TenantMissing,

    /// <summary><c>channelData.tenant.id</c> names another tenant than <c>conversation.tenantId</c>.</summary>
    TenantMismatch,

    /// <summary>Local mode: the activity's <c>serviceUrl</c> is not this host's own local channel, where replies would go.</summary>
    ServiceUrlNotLocal,
}
