namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Tokens of the local channel. Clients (DirectLineJS) expect one and refresh it; on loopback it guards
/// nothing, so it is accepted but not required, and it simply names its conversation.
/// </summary>
public static class DirectLineTokens
{
    /// <summary>What the Direct Line service gives its tokens; DirectLineJS refreshes every 15 minutes anyway.</summary>
    public const int LifetimeSeconds = 1800;

    private const string Prefix = "local.";

    public static string For(string conversationId) => Prefix + conversationId;

    /// <summary>The conversation a bearer token names, or null.</summary>
    public static string? ConversationOf(string? authorizationHeader)
    {
        const string Bearer = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = authorizationHeader[Bearer.Length..].Trim();
        return token.StartsWith(Prefix, StringComparison.Ordinal) ? token[Prefix.Length..] : null;
    }
}
