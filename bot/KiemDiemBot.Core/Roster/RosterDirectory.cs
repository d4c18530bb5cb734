using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Roster;

internal sealed class RosterDirectory(KiemDiemDbContext db) : IRosterDirectory
{
    public async Task<RosterMember?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var key = Member.ToEmailKey(email);
        if (key is null)
        {
            return null;
        }
        return await Project(db.Members.Where(m => m.EmailKey == key)).SingleOrDefaultAsync(cancellationToken);
    }

    public Task<RosterMember?> FindByEntraObjectIdAsync(Guid objectId, CancellationToken cancellationToken) =>
        Project(db.Members.Where(m => m.EntraObjectId == objectId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<RosterMember>> ListMembersAsync(CancellationToken cancellationToken)
    {
        var members = await Project(db.Members.Where(m => m.Email != null)).ToListAsync(cancellationToken);
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        return [.. members.OrderBy(m => m.FullName, byName).ThenBy(m => m.Code, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<RosterPost>> ListPostsAsync(CancellationToken cancellationToken)
    {
        var posts = await db.Positions.AsNoTracking()
            .Where(p => p.Member!.Email != null)
            .Select(p => new { p.MemberId, p.Title, BodyName = p.Body!.Name })
            .ToListAsync(cancellationToken);
        return [.. posts
            .OrderBy(p => p.MemberId)
            .ThenBy(p => p.Title)
            .ThenBy(p => p.BodyName, StringComparer.Create(RuleReason.TextCulture, ignoreCase: true))
            .Select(p => new RosterPost(p.MemberId, p.Title.DisplayName(), p.BodyName))];
    }

    public async Task<IReadOnlyList<RosterCell>> ListCellsAsync(CancellationToken cancellationToken)
    {
        var cells = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.GrassrootsCell || o.Kind == OrganisationKind.AffiliatedCell)
            .Select(o => new RosterCell(o.Id, o.Code, o.Name))
            .ToListAsync(cancellationToken);
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        return [.. cells.OrderBy(c => c.Name, byName).ThenBy(c => c.Code, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyDictionary<Guid, string>> FindOrganisationNamesAsync(
        IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        if (organisationIds.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        var ids = organisationIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    private static IQueryable<RosterMember> Project(IQueryable<Member> members) =>
        members.AsNoTracking().Select(m => new RosterMember(m.Id, m.Code, m.FullName, m.Email!, m.OfficialCell!.Name));
}
