using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Members;

internal sealed class MemberFactsSource(KiemDiemDbContext db) : IMemberFactsSource
{
    public async Task<MemberRuleFacts?> FindAsync(Guid memberId, int year, CancellationToken cancellationToken)
    {
        var facts = await LoadAsync(db.Members.Where(m => m.Id == memberId), year, cancellationToken);
        return facts.SingleOrDefault();
    }

    public Task<IReadOnlyList<MemberRuleFacts>> ListByCellAsync(Guid cellId, int year, CancellationToken cancellationToken) =>
        LoadAsync(db.Members.Where(m => m.OfficialCellId == cellId), year, cancellationToken);

    private async Task<IReadOnlyList<MemberRuleFacts>> LoadAsync(IQueryable<Member> query, int year, CancellationToken cancellationToken)
    {
        var members = await query.AsNoTracking().ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            return [];
        }
        var ids = members.Select(m => m.Id).ToList();
        var positions = (await db.Positions.AsNoTracking().Where(p => ids.Contains(p.MemberId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.MemberId);
        var tree = new OrganisationTree(await db.Organisations.AsNoTracking().ToListAsync(cancellationToken));
        return [.. members
            .OrderBy(m => m.FullName, StringComparer.Create(RuleReason.TextCulture, ignoreCase: true))
            .Select(m => new MemberRuleFacts(
                m.Id,
                m.Code,
                m.FullName,
                m.ToMemberFacts(),
                m.ToCapFacts(year),
                tree.PostFactsFor(m, positions[m.Id].OrderBy(p => p.Title)))) ];
    }
}
