using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Identity;

internal sealed class LeadershipScopes(KiemDiemDbContext db) : ILeadershipScopes
{
    public async Task<CycleOpeningScope?> CycleOpeningScopeAsync(TurnMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.Roles.Any(r => r.Kind == MemberRoleKind.Admin))
        {
            return new CycleOpeningScope(null, null);
        }
        var tree = await TreeAsync(cancellationToken);
        // Of several, the highest in the tree: its members include the others'.
        var led = member.Roles
            .Where(r => r.Kind == MemberRoleKind.Secretary && r.OrganisationId is not null)
            .Select(r => tree.Find(r.OrganisationId!.Value))
            .OfType<OrganisationRow>()
            .Where(o => tree.HasPartyOrganisationsUnder(o.Id) && Allows(member, MemberAction.OpenCycle, o.Id, tree))
            .OrderBy(o => tree.Lineage(o.Id).Count)
            .ThenBy(o => o.Name, StringComparer.Create(RuleReason.TextCulture, ignoreCase: true))
            .FirstOrDefault();
        return led is null ? null : new CycleOpeningScope(led.Id, led.Name);
    }

    public async Task<IReadOnlyList<LedOrganisation>> GrassrootsLedAsync(TurnMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var tree = await TreeAsync(cancellationToken);
        return LedBy(member, tree, kind => kind.IsGrassroots(), MemberAction.SetMeetingDates);
    }

    public async Task<IReadOnlyList<LedOrganisation>> BodiesOfAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var tree = await TreeAsync(cancellationToken);
        if (tree.Find(organisationId) is not { } root)
        {
            return [];
        }
        var below = tree.Descendants(organisationId)
            .Select(id => tree.Find(id)!)
            .Where(o => IsBody(o.Kind))
            .OrderBy(o => o.Kind.IsCell() ? 1 : 0)
            .ThenBy(o => o.Name, StringComparer.Create(RuleReason.TextCulture, ignoreCase: true));
        return [ToLed(root), .. below.Select(ToLed)];
    }

    public async Task<IReadOnlyList<RosterCell>> CellsLedAsync(TurnMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var tree = await TreeAsync(cancellationToken);
        return [.. LedBy(member, tree, kind => kind.IsCell(), MemberAction.ViewProgress)
            .Select(o => new RosterCell(o.Id, tree.Find(o.Id)!.Code, o.Name))];
    }

    private static List<LedOrganisation> LedBy(TurnMember member, OrganisationRows tree, Func<OrganisationKind, bool> kind, MemberAction action) =>
    [
        .. member.Roles
            .Where(r => r.Kind is MemberRoleKind.Secretary or MemberRoleKind.DeputySecretary && r.OrganisationId is not null)
            .Select(r => tree.Find(r.OrganisationId!.Value))
            .OfType<OrganisationRow>()
            .Where(o => kind(o.Kind) && Allows(member, action, o.Id, tree))
            .DistinctBy(o => o.Id)
            .OrderBy(o => o.Name, StringComparer.Create(RuleReason.TextCulture, ignoreCase: true))
            .Select(ToLed),
    ];

    private static bool Allows(TurnMember member, MemberAction action, Guid organisationId, OrganisationRows tree) =>
        MemberAuthorization.Allows(member, action, AccessSubject.Organisation(organisationId), tree.Lineage(organisationId));

    /// <summary>A party organisation that holds its own review meeting: not a collective, not a party group.</summary>
    private static bool IsBody(OrganisationKind kind) => !kind.IsLeadershipCollective() && kind != OrganisationKind.PartyGroup;

    private static LedOrganisation ToLed(OrganisationRow row) => new(row.Id, row.Name, row.Kind);

    private async Task<OrganisationRows> TreeAsync(CancellationToken cancellationToken) =>
        new(await db.Organisations.AsNoTracking()
            .Select(o => new OrganisationRow(o.Id, o.Code, o.Name, o.Kind, o.ParentId))
            .ToListAsync(cancellationToken));

    private sealed record OrganisationRow(Guid Id, string Code, string Name, OrganisationKind Kind, Guid? ParentId);

    /// <summary>The whole tree in memory (a few hundred rows even for a province): parents, children, lineage.</summary>
    private sealed class OrganisationRows
    {
        private readonly Dictionary<Guid, OrganisationRow> byId;
        private readonly ILookup<Guid, Guid> children;

        public OrganisationRows(List<OrganisationRow> rows)
        {
            byId = rows.ToDictionary(r => r.Id);
            children = rows.Where(r => r.ParentId is not null).ToLookup(r => r.ParentId!.Value, r => r.Id);
        }

        public OrganisationRow? Find(Guid id) => byId.GetValueOrDefault(id);

        /// <summary>A committee above cells: it has party organisations under it (a tổ đảng inside a cell does not count).</summary>
        public bool HasPartyOrganisationsUnder(Guid id) =>
            children[id].Any(child => Find(child) is { } row && IsBody(row.Kind));

        public IReadOnlyCollection<Guid> Lineage(Guid id)
        {
            var lineage = new List<Guid>();
            Guid? current = id;
            while (current is { } next && !lineage.Contains(next) && Find(next) is { } row)
            {
                lineage.Add(next);
                current = row.ParentId;
            }
            return lineage;
        }

        public IEnumerable<Guid> Descendants(Guid id)
        {
            var seen = new HashSet<Guid> { id };
            var pending = new Stack<Guid>(children[id]);
            while (pending.TryPop(out var next))
            {
                if (seen.Add(next))
                {
                    yield return next;
                    foreach (var child in children[next])
                    {
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
