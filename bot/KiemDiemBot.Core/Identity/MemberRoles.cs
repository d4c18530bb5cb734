using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Identity;

/// <summary>A post as the roles need it: its title, and the kind and parent of the body it is held in.</summary>
internal sealed record RolePost(PositionTitle Title, Guid BodyId, OrganisationKind BodyKind, Guid? BodyParentId);

/// <summary>
/// A member's roles from their posts and the configured administrators. A secretary or deputy secretary
/// of a party organisation holds the role in that organisation; one of its committee (Ban Chấp hành, Ban
/// Thường vụ, Chi ủy) holds it in the organisation the committee leads. Posts in an agency's leadership or
/// a party delegation lead no party organisation and give no role.
/// </summary>
internal static class MemberRoles
{
    public static IReadOnlyList<MemberRole> From(IEnumerable<RolePost> posts, bool isAdmin)
    {
        var roles = posts
            .Select(ToRole)
            .OfType<MemberRole>()
            .Distinct()
            .OrderBy(r => r.Kind)
            .ThenBy(r => r.OrganisationId)
            .ToList();
        if (isAdmin)
        {
            roles.Add(new MemberRole(MemberRoleKind.Admin, null));
        }
        return roles;
    }

    private static MemberRole? ToRole(RolePost post)
    {
        MemberRoleKind? kind = post.Title switch
        {
            PositionTitle.Secretary => MemberRoleKind.Secretary,
            PositionTitle.DeputySecretary => MemberRoleKind.DeputySecretary,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }
        Guid? organisationId = post.BodyKind switch
        {
            OrganisationKind.ExecutiveCommittee or OrganisationKind.StandingCommittee or OrganisationKind.CellCommittee => post.BodyParentId,
            OrganisationKind.AgencyLeadership or OrganisationKind.PartyDelegation => null,
            _ => post.BodyId,
        };
        return organisationId is { } id ? new MemberRole(kind.Value, id) : null;
    }
}
