using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Ranking;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// The caps of an organisation or a leadership collective on a ballot, from what is known when it opens: a party
/// organisation's constituents' levels (decided, or else counted on the body's latest closed ballot), a collective's
/// led organisation's decided level and its members' disciplines in the year.
/// </summary>
internal static class BodySubjectCaps
{
    public static async Task<(BallotSubjectView View, RankingLevel Highest)> ForAsync(
        KiemDiemDbContext db, Organisation subject, Guid cycleId, int year, IRuleSet ruleSet, CancellationToken cancellationToken)
    {
        var capped = subject.Kind.IsLeadershipCollective()
            ? ruleSet.CapCollectiveLevel(RankingLevel.ExcellentCompletion, await CollectiveFactsAsync(db, subject, cycleId, year, cancellationToken))
            : ruleSet.CapPartyOrganisationLevel(RankingLevel.ExcellentCompletion, await OrganisationFactsAsync(db, subject, cycleId, cancellationToken));
        var view = new BallotSubjectView(subject.Id, subject.Name,
            [.. RankingLevels.TopDown.Where(l => l <= capped.Level)],
            [.. capped.Caps.Select(c => c.Reason.Text)]);
        return (view, capped.Level);
    }

    private static async Task<PartyOrganisationCapFacts> OrganisationFactsAsync(
        KiemDiemDbContext db, Organisation organisation, Guid cycleId, CancellationToken cancellationToken)
    {
        var isCell = organisation.Kind.IsCell();
        var constituents = isCell
            ? await db.Members.AsNoTracking().Where(m => m.OfficialCellId == organisation.Id).Select(m => m.Id).ToListAsync(cancellationToken)
            : await db.Organisations.AsNoTracking()
                .Where(o => o.ParentId == organisation.Id && o.Kind != OrganisationKind.PartyGroup
                    && o.Kind != OrganisationKind.ExecutiveCommittee && o.Kind != OrganisationKind.StandingCommittee
                    && o.Kind != OrganisationKind.CellCommittee && o.Kind != OrganisationKind.AgencyLeadership
                    && o.Kind != OrganisationKind.PartyDelegation)
                .Select(o => o.Id)
                .ToListAsync(cancellationToken);
        var kind = isCell ? BallotSubjectKind.Member : BallotSubjectKind.Organisation;
        var levels = (await db.RankingDecisions.AsNoTracking()
                .Where(d => d.CycleId == cycleId && d.SubjectKind == kind && constituents.Contains(d.SubjectId))
                .Select(d => new { d.SubjectId, d.Level })
                .ToListAsync(cancellationToken))
            .ToDictionary(d => d.SubjectId, d => d.Level);
        if (isCell)
        {
            // Members not decided yet: their level counted on the cell's latest closed ranking ballot (re-votes included).
            var counted = await db.BallotSubjects.AsNoTracking()
                .Join(db.Ballots.AsNoTracking(), s => s.BallotId, b => b.Id, (s, b) => new { s.SubjectId, s.Outcome, b.CycleId, b.BodyId, b.Kind, b.SubjectKind, b.State, b.Round, b.ClosedAt })
                .Where(x => x.CycleId == cycleId && x.BodyId == organisation.Id && x.Kind == BallotKind.Ranking
                    && x.SubjectKind == BallotSubjectKind.Member && x.State == BallotState.Closed && x.Outcome != null)
                .ToListAsync(cancellationToken);
            foreach (var latest in counted.GroupBy(x => x.SubjectId).Select(g => g.OrderByDescending(x => x.ClosedAt).ThenByDescending(x => x.Round).First()))
            {
                levels.TryAdd(latest.SubjectId, latest.Outcome!.Value);
            }
        }
        return new PartyOrganisationCapFacts(isCell ? PartyOrganisationKind.Cell : PartyOrganisationKind.Committee, [.. levels.Values], null);
    }

    private static async Task<CollectiveCapFacts> CollectiveFactsAsync(
        KiemDiemDbContext db, Organisation collective, Guid cycleId, int year, CancellationToken cancellationToken)
    {
        RankingLevel? led = collective.ParentId is { } ledId
            ? await db.RankingDecisions.AsNoTracking()
                .Where(d => d.CycleId == cycleId && d.SubjectKind == BallotSubjectKind.Organisation && d.SubjectId == ledId)
                .Select(d => (RankingLevel?)d.Level)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var members = await db.Members.AsNoTracking()
            .Where(m => db.Positions.Any(p => p.MemberId == m.Id && p.BodyId == collective.Id))
            .ToListAsync(cancellationToken);
        var disciplines = members
            .Select(m => m.ToCapFacts(year).DisciplineInYear)
            .OfType<DisciplineFacts>()
            .Select(d => d.Severity)
            .ToList();
        return new CollectiveCapFacts(led, null, disciplines);
    }
}
