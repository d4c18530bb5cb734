namespace KiemDiemBot.Bot.Auth;

/// <summary>The outcome of the request's token check: an identity, or the reason it was refused.</summary>
public sealed record AuthenticationResult(InboundIdentity? Identity, InboundAuthFailure Failure)
{
    public bool Succeeded => Identity is not null;

    public static AuthenticationResult Success(InboundIdentity identity) => new(identity, InboundAuthFailure.None);

    public static AuthenticationResult Fail(InboundAuthFailure failure) => new(null, failure);
}
