namespace KiemDiemBot.Core.Identity;

/// <summary>What a member may be, beyond being a member: from their posts, or from configuration (admins).</summary>
public enum MemberRoleKind
{
    Secretary = 0,
    DeputySecretary = 1,
    Admin = 2,
}

/// <summary>A role and where it holds (the organisation of the post; null for an admin, who holds everywhere).</summary>
public sealed record MemberRole(MemberRoleKind Kind, Guid? OrganisationId);

/// <summary>The roster member who wrote a turn, with their roles, resolved once per turn.</summary>
public sealed record TurnMember(Guid MemberId, string FullName, string? Email, Guid OfficialCellId, IReadOnlyList<MemberRole> Roles);
