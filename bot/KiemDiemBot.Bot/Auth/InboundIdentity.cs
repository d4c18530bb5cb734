namespace KiemDiemBot.Bot.Auth;

/// <summary>
/// What a validated request proved about its sender: the key that signed the channel's token and the
/// <c>serviceurl</c> claim it carried, or, in local mode, only that it came from the loopback address.
/// </summary>
public sealed record InboundIdentity(string? SigningKeyId, string? ServiceUrl, bool IsLocal)
{
    public static InboundIdentity Local { get; } = new(null, null, IsLocal: true);
}
