using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Bot.Identity;

/// <summary>How the writer of a turn was recognised, or that they were not.</summary>
public enum TurnIdentitySource
{
    /// <summary>On no roster: they get the not-on-roster card and nothing else happens.</summary>
    NotOnRoster,

    /// <summary>Local mode: the Direct Line user id is the member's e-mail.</summary>
    LocalEmail,

    /// <summary>Teams: <c>from.aadObjectId</c> is the Entra object id stored for the member.</summary>
    EntraObjectId,

    /// <summary>Teams: the Connector's member record has the member's e-mail; the object id link is staged.</summary>
    TeamsEmail,

    /// <summary>Teams: the Connector's member record has the member's e-mail as user principal name; the link is staged.</summary>
    TeamsUserPrincipalName,
}

/// <summary>Who wrote a turn: the roster member with their roles, or nobody on the roster.</summary>
public sealed record TurnIdentity(TurnMember? Member, TurnIdentitySource Source)
{
    public static TurnIdentity NotOnRoster { get; } = new(null, TurnIdentitySource.NotOnRoster);

    public bool IsOnRoster => Member is not null;
}
