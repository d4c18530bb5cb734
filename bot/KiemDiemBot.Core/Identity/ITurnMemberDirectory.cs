namespace KiemDiemBot.Core.Identity;

/// <summary>How a member was matched to an Entra account before the account's object id was linked to them.</summary>
public enum MemberLinkEvidence
{
    /// <summary>The account's e-mail address is the member's.</summary>
    Email,

    /// <summary>The account's user principal name is the member's e-mail address.</summary>
    UserPrincipalName,
}

/// <summary>
/// Finds the roster member who wrote a turn, with their roles, and remembers which Entra account is
/// theirs. Reads are immediate; the link is staged in the turn's unit of work and written (with its audit
/// entry) only when the caller commits through <see cref="Storage.IUnitOfWork"/>.
/// </summary>
public interface ITurnMemberDirectory
{
    /// <summary>The member whose linked Entra account has <paramref name="objectId"/>; null when none.</summary>
    Task<TurnMember?> FindByEntraObjectIdAsync(Guid objectId, CancellationToken cancellationToken);

    /// <summary>The member whose roster e-mail is <paramref name="address"/> (an e-mail or a user principal name), ignoring case and surrounding spaces; null when none.</summary>
    Task<TurnMember?> FindByEmailAsync(string? address, CancellationToken cancellationToken);

    /// <summary>
    /// Stages linking <paramref name="objectId"/> to the member, audited with the system as actor and the
    /// evidence as reason. At commit nothing is written when the member already has this object id (for
    /// instance because a concurrent turn linked it first) or when another member holds it.
    /// </summary>
    void StageEntraObjectIdLink(Guid memberId, Guid objectId, MemberLinkEvidence evidence);
}
