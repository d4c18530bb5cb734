using KiemDiemBot.Bot.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Auth;

/// <summary>
/// Validates the JWT the Bot Connector sends (PROTOCOL.md 2.5 steps 1-3): issuer, audience, lifetime with
/// 5 minutes of skew, an RSA signature by a key from the channel's metadata. A token signed by a key the
/// cache does not know triggers one refresh of the metadata and one retry.
/// </summary>
public sealed class ChannelTokenValidator(BotOptions options, ChannelMetadata metadata, TimeProvider clock, ILogger<ChannelTokenValidator> logger)
{
    public const string ServiceUrlClaim = "serviceurl";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler handler = new();

    public async Task<AuthenticationResult> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var keys = await TryGetSigningKeysAsync(cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return AuthenticationResult.Fail(InboundAuthFailure.MetadataUnavailable);
        }
        var result = await handler.ValidateTokenAsync(token, CreateParameters(keys)).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            logger.SigningKeyNotCached();
            metadata.RequestRefresh();
            keys = await TryGetSigningKeysAsync(cancellationToken).ConfigureAwait(false);
            if (keys is null)
            {
                return AuthenticationResult.Fail(InboundAuthFailure.MetadataUnavailable);
            }
            result = await handler.ValidateTokenAsync(token, CreateParameters(keys)).ConfigureAwait(false);
        }
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            logger.TokenRejected(result.Exception?.GetType().Name ?? "none");
            return AuthenticationResult.Fail(InboundAuthFailure.InvalidToken);
        }
        var serviceUrl = jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var claim) ? claim : null;
        return AuthenticationResult.Success(new InboundIdentity(jwt.SigningKey?.KeyId ?? jwt.Kid, serviceUrl, IsLocal: false));
    }

    private async Task<IReadOnlyCollection<SecurityKey>?> TryGetSigningKeysAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await metadata.GetSigningKeysAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            // ConfigurationManager's way of saying the metadata could not be fetched and none is cached.
            logger.MetadataUnavailable(exception);
            return null;
        }
    }

    private TokenValidationParameters CreateParameters(IReadOnlyCollection<SecurityKey> keys) => new()
    {
        ValidIssuer = options.ChannelTokenIssuer,
        ValidateIssuer = true,
        ValidAudience = options.MicrosoftAppId,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = keys,
        ValidAlgorithms = AllowedAlgorithms,
    };

    // The built-in check reads the system clock; this one reads the injected TimeProvider, same rule.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return expires is { } notAfter
            && now <= notAfter.ToUniversalTime() + ClockSkew
            && (notBefore is null || (notBefore <= notAfter && now >= notBefore.Value.ToUniversalTime() - ClockSkew));
    }
}
