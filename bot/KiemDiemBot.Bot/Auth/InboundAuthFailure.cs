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
}
