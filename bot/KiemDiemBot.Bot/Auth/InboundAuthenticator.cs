using System.Net;
using System.Net.Http.Headers;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Auth;

/// <summary>
/// Decides whether a POST to <c>/api/messages</c> may be processed (PROTOCOL.md 2.5). Two steps, because the
/// last checks need the parsed activity: <see cref="AuthenticateAsync"/> on the request's connection and
/// headers alone, before the body is read, then <see cref="AuthorizeActivityAsync"/> on the activity it
/// carries. Any failure answers 401 with no body.
/// </summary>
/// <param name="localChannel">Registered in local mode only, hence optional: where local activities must come from.</param>
public sealed class InboundAuthenticator(
    BotOptions options,
    ChannelTokenValidator tokenValidator,
    ChannelMetadata metadata,
    ILogger<InboundAuthenticator> logger,
    LocalChannelAddress? localChannel = null)
{
    private const string BearerScheme = "Bearer";

    /// <summary>
    /// With an app id: the <c>Authorization: Bearer</c> token must validate. Without one (local mode): no
    /// token, but only the loopback address may call. Reads the connection and the headers, never the body.
    /// </summary>
    public async Task<AuthenticationResult> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = options.IsLocalMode
            ? AuthenticateLocal(request.HttpContext.Connection.RemoteIpAddress)
            : await AuthenticateTokenAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            logger.RequestRejected(result.Failure);
        }
        return result;
    }

    /// <summary>
    /// The checks that need the activity. Teams mode: its <c>channelId</c> is allowed and the signing key is
    /// endorsed for it, the token's <c>serviceurl</c> claim is its <c>serviceUrl</c>, and its tenant
    /// (<c>conversation.tenantId</c>, which <c>channelData.tenant.id</c> must not contradict) is allowed.
    /// Local mode: its <c>serviceUrl</c> is this host's own local channel, so replies cannot be sent elsewhere.
    /// </summary>
    public async Task<InboundAuthFailure> AuthorizeActivityAsync(InboundIdentity identity, Activity activity, CancellationToken cancellationToken)
    {
        var failure = identity.IsLocal
            ? CheckLocalActivity(activity)
            : await CheckActivityAsync(identity, activity, cancellationToken).ConfigureAwait(false);
        if (failure != InboundAuthFailure.None)
        {
            logger.ActivityRejected(failure, activity.Type, activity.Id);
        }
        return failure;
    }

    private static AuthenticationResult AuthenticateLocal(IPAddress? remoteAddress)
    {
        if (remoteAddress is null)
        {
            return AuthenticationResult.Fail(InboundAuthFailure.NotLoopback);
        }
        var address = remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress;
        return IPAddress.IsLoopback(address)
            ? AuthenticationResult.Success(InboundIdentity.Local)
            : AuthenticationResult.Fail(InboundAuthFailure.NotLoopback);
    }

    private async Task<AuthenticationResult> AuthenticateTokenAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count == 0 || string.IsNullOrWhiteSpace(headers[0]))
        {
            return AuthenticationResult.Fail(InboundAuthFailure.MissingAuthorizationHeader);
        }
        if (headers.Count != 1
            || !AuthenticationHeaderValue.TryParse(headers[0], out var header)
            || !string.Equals(header.Scheme, BearerScheme, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header.Parameter))
        {
            return AuthenticationResult.Fail(InboundAuthFailure.WrongScheme);
        }
        return await tokenValidator.ValidateAsync(header.Parameter, cancellationToken).ConfigureAwait(false);
    }

    private InboundAuthFailure CheckLocalActivity(Activity activity)
    {
        // Compared by origin (scheme, host, port): that is where the Connector client would send the replies.
        var own = localChannel is { IsListening: true } ? localChannel.ServiceUrl : null;
        return own is not null
            && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
            && string.Equals(serviceUrl.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(serviceUrl.IdnHost, own.IdnHost, StringComparison.OrdinalIgnoreCase)
            && serviceUrl.Port == own.Port
                ? InboundAuthFailure.None
                : InboundAuthFailure.ServiceUrlNotLocal;
    }

    private async Task<InboundAuthFailure> CheckActivityAsync(InboundIdentity identity, Activity activity, CancellationToken cancellationToken)
    {
        if (!options.AllowedChannels.Contains(activity.ChannelId ?? string.Empty, StringComparer.Ordinal))
        {
            return InboundAuthFailure.ChannelNotAllowed;
        }
        KeyEndorsements endorsements;
        try
        {
            endorsements = await metadata.GetEndorsementsAsync(identity.SigningKeyId, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            logger.EndorsementsUnavailable(exception);
            return InboundAuthFailure.MetadataUnavailable;
        }
        if (!endorsements.Endorses(identity.SigningKeyId, activity.ChannelId))
        {
            return InboundAuthFailure.KeyNotEndorsed;
        }
        if (string.IsNullOrEmpty(identity.ServiceUrl)
            || !string.Equals(identity.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthFailure.ServiceUrlMismatch;
        }
        return CheckTenant(activity);
    }

    private InboundAuthFailure CheckTenant(Activity activity)
    {
        var tenantId = activity.GetTenantId();
        if (string.IsNullOrWhiteSpace(tenantId))
        {
            return InboundAuthFailure.TenantMissing;
        }
        if (activity.ChannelData?.Tenant?.Id is { } channelDataTenant
            && !string.Equals(channelDataTenant, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthFailure.TenantMismatch;
        }
        return IsTenantAllowed(tenantId) ? InboundAuthFailure.None : InboundAuthFailure.TenantNotAllowed;
    }

    private bool IsTenantAllowed(string tenantId)
    {
        return options.AllowedTenants.Count > 0
            ? options.AllowedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase)
            : string.Equals(tenantId, options.MicrosoftAppTenantId, StringComparison.OrdinalIgnoreCase);
    }
}
