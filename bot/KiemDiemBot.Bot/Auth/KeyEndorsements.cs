namespace KiemDiemBot.Bot.Auth;

/// <summary>
/// The <c>endorsements</c> array of each key in the channel's JWKS, by key id: the channels
/// (<c>msteams</c>, <c>webchat</c>, ...) that key may sign for (PROTOCOL.md 2.3 C.5).
/// </summary>
public sealed class KeyEndorsements(IReadOnlyDictionary<string, IReadOnlySet<string>> byKeyId)
{
    public bool HasKey(string? keyId) => keyId is not null && byKeyId.ContainsKey(keyId);

    /// <summary>True when the key lists the channel; a key without endorsements endorses nothing.</summary>
    public bool Endorses(string? keyId, string? channelId) =>
        keyId is not null
        && !string.IsNullOrEmpty(channelId)
        && byKeyId.TryGetValue(keyId, out var channels)
        && channels.Contains(channelId);
}
