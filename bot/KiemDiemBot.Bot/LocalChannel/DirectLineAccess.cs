namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Who may call a local-channel endpoint, checked before anything is read or stored. Refusals answer as
/// Direct Line does: 401 when no credential is given, 403 when it is wrong or opens another conversation,
/// each with one line in the Direct Line error shape.
/// </summary>
public enum DirectLineAccess
{
    /// <summary>Only the page's secret (start a conversation, the page's people and groups).</summary>
    Secret,

    /// <summary>The secret, or the token of the conversation named in the route.</summary>
    Conversation,

    /// <summary>A conversation token only (refreshing it, as Direct Line 3.0 allows no secret there).</summary>
    ConversationToken,
}

/// <summary>The endpoint filter that enforces a <see cref="DirectLineAccess"/>.</summary>
internal sealed class DirectLineAccessFilter(DirectLineAccess access) : IEndpointFilter
{
    private const string ConversationRouteKey = "conversationId";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var credential = http.RequestServices.GetRequiredService<DirectLineSecret>().Check(http.Request.Headers.Authorization);
        if (credential.Kind == DirectLineCredentialKind.Missing)
        {
            return Refuse(http, StatusCodes.Status401Unauthorized, "Unauthorized", "Send the chat page's Direct Line secret or a conversation token as a Bearer token.");
        }
        var allowed = access switch
        {
            DirectLineAccess.Secret => credential.Kind == DirectLineCredentialKind.Secret,
            DirectLineAccess.ConversationToken => credential.Kind == DirectLineCredentialKind.ConversationToken,
            _ => http.Request.RouteValues[ConversationRouteKey] is string conversationId && credential.Opens(conversationId),
        };
        return allowed
            ? await next(context)
            : Refuse(http, StatusCodes.Status403Forbidden, "Forbidden", "The Direct Line secret or token is not valid for this request.");
    }

    /// <summary>The endpoint's route template, e.g. <c>/v3/directline/conversations/{conversationId}</c>: no ids in logs.</summary>
    public static string RouteOf(HttpContext http) =>
        (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unknown)";

    private static IResult Refuse(HttpContext http, int status, string code, string message)
    {
        LocalChannelLog.Refused(http.RequestServices.GetRequiredService<ILogger<DirectLineAccessFilter>>(), http.Request.Method, RouteOf(http), status);
        return LocalChannelResults.Error(status, code, message);
    }
}
