using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Identity;

internal sealed class MemberAuthorizer(KiemDiemDbContext db) : IMemberAuthorizer
{
    /// <summary>Deeper than any real tree (superior, grassroots, sub-committee, cell, group, collective); stops a corrupt loop.</summary>
    private const int MaxDepth = 32;

    public async Task<bool> MayAsync(TurnMember member, MemberAction action, AccessSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(subject);
        // Only the roles of a secretary or deputy need the tree; spare the reads when the answer cannot depend on it.
        var needsTree = MemberAuthorization.ScopeOf(action) is ActionScope.Leadership or ActionScope.OwnOrLeadership
            && member.Roles.Any(r => r.Kind is MemberRoleKind.Secretary or MemberRoleKind.DeputySecretary);
        var lineage = needsTree ? await LineageAsync(subject.OrganisationId, cancellationToken) : [];
        return MemberAuthorization.Allows(member, action, subject, lineage);
    }

    private async Task<IReadOnlyCollection<Guid>> LineageAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var lineage = new List<Guid>();
        Guid? current = organisationId;
        while (current is { } id && lineage.Count < MaxDepth && !lineage.Contains(id))
        {
            var parent = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == id)
                .Select(o => new { o.ParentId })
                .SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                break;
            }
            lineage.Add(id);
            current = parent.ParentId;
        }
        return lineage;
    }
}
