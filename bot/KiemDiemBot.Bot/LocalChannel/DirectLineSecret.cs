using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The local Direct Line's secret, new at every start (cryptographically random, never stored or logged):
/// only the chat page this host serves receives it, so another web page the user visits, or anyone who
/// reaches the port, cannot talk as a member. As Direct Line 3.0 does, starting a conversation with the
/// secret hands out a token bound to that conversation: an HMAC-SHA256 of the conversation id under the
/// secret, so it opens that conversation and no other, and dies with the secret at the next start.
/// </summary>
public sealed class DirectLineSecret
{
    /// <summary>What the Direct Line service gives its tokens; DirectLineJS refreshes every 15 minutes anyway.</summary>
    public const int TokenLifetimeSeconds = 1800;

    private const string TokenPrefix = "dl.";
    private const int SecretBytes = 32;

    private readonly byte[] _key;

    public DirectLineSecret()
    {
        _key = RandomNumberGenerator.GetBytes(SecretBytes);
        Value = WebEncoders.Base64UrlEncode(_key);
    }

    /// <summary>The secret as the page carries it (base64url, 43 characters).</summary>
    public string Value { get; }

    /// <summary>The token that opens this conversation: <c>dl.{conversationId}.{HMAC-SHA256(conversationId)}</c>.</summary>
    public string TokenFor(string conversationId) => TokenPrefix + conversationId + "." + Mac(conversationId);

    /// <summary>Who the Authorization header lets in: the secret's holder, one conversation's holder, or nobody.</summary>
    public DirectLineCredential Check(string? authorizationHeader)
    {
        const string Bearer = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return DirectLineCredential.Missing;
        }
        if (!authorizationHeader.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return DirectLineCredential.Invalid;
        }
        var presented = authorizationHeader[Bearer.Length..].Trim();
        if (FixedTimeEquals(presented, Value))
        {
            return DirectLineCredential.Secret;
        }
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return DirectLineCredential.Invalid;
        }
        var separator = presented.LastIndexOf('.');
        var conversationId = separator > TokenPrefix.Length ? presented[TokenPrefix.Length..separator] : "";
        return conversationId.Length > 0 && FixedTimeEquals(presented[(separator + 1)..], Mac(conversationId))
            ? DirectLineCredential.ForConversation(conversationId)
            : DirectLineCredential.Invalid;
    }

    /// <summary>
    /// A MAC of <paramref name="payload"/> for another credential this host hands out (e.g. a download link),
    /// under a key derived from this start's key and <paramref name="purpose"/>: it dies with the secret at the
    /// next start like the Direct Line tokens, and no token of one purpose passes for another or for a
    /// conversation token (the derivation's input starts with "purpose:", which no conversation id does).
    /// </summary>
    public string Sign(string purpose, string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(payload);
        var purposeKey = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("purpose:" + purpose));
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(purposeKey, Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>True when <paramref name="mac"/> is <see cref="Sign"/>'s MAC of the payload for the purpose (compared in fixed time).</summary>
    public bool Verify(string purpose, string payload, string mac) => FixedTimeEquals(mac, Sign(purpose, payload));

    private string Mac(string conversationId) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(conversationId)));

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}

/// <summary>What a Direct Line caller proved: the secret, a token for one conversation, a wrong credential, or none.</summary>
public sealed record DirectLineCredential(DirectLineCredentialKind Kind, string? ConversationId)
{
    public static readonly DirectLineCredential Missing = new(DirectLineCredentialKind.Missing, null);
    public static readonly DirectLineCredential Invalid = new(DirectLineCredentialKind.Invalid, null);
    public static readonly DirectLineCredential Secret = new(DirectLineCredentialKind.Secret, null);

    public static DirectLineCredential ForConversation(string conversationId) => new(DirectLineCredentialKind.ConversationToken, conversationId);

    /// <summary>True when this credential may act in the conversation: the secret may everywhere, a token only in its own.</summary>
    public bool Opens(string conversationId) =>
        Kind == DirectLineCredentialKind.Secret
        || (Kind == DirectLineCredentialKind.ConversationToken && string.Equals(ConversationId, conversationId, StringComparison.Ordinal));
}

public enum DirectLineCredentialKind
{
    Missing,
    Invalid,
    Secret,
    ConversationToken,
}
