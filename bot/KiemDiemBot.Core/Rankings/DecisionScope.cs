using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Rankings;

/// <summary>An organisation as the decisions need it.</summary>
internal sealed record DecisionOrganisation(Guid Id, string Name, OrganisationKind Kind, Guid? ParentId);

/// <summary>
/// Everything one deciding body's decisions are read from, loaded once: the organisation tree, the deciding body
/// (the grassroots organisation above the body asked about: a grassroots cell is its own, a cell under a grassroots
/// committee has the committee), the ballots of the cycle held anywhere under it (tracked, so adoption can stamp them),
/// their subjects, the decisions it made already, and the names of every subject.
/// </summary>
internal sealed class DecisionScope
{
    private readonly Dictionary<Guid, DecisionOrganisation> organisations;
    private readonly Dictionary<Guid, (string Name, Guid CellId)> members;

    private DecisionScope(
        Dictionary<Guid, DecisionOrganisation> organisations,
        DecisionOrganisation asked,
        DecisionOrganisation deciding,
        IReadOnlyList<Ballot> ballots,
        ILookup<Guid, BallotSubject> subjects,
        IReadOnlyList<RankingDecision> decisions,
        Dictionary<Guid, (string Name, Guid CellId)> members)
    {
        this.organisations = organisations;
        this.members = members;
        Asked = asked;
        Deciding = deciding;
        Ballots = ballots;
        Subjects = subjects;
        Decisions = decisions;
    }

    /// <summary>The body the caller named (a cell, the committee, a collective).</summary>
    public DecisionOrganisation Asked { get; }

    /// <summary>The grassroots organisation that decides.</summary>
    public DecisionOrganisation Deciding { get; }

    /// <summary>The cycle's ballots held in the deciding body or under it, oldest first (tracked).</summary>
    public IReadOnlyList<Ballot> Ballots { get; }

    /// <summary>Each ballot's subjects by ballot id, in list order.</summary>
    public ILookup<Guid, BallotSubject> Subjects { get; }

    /// <summary>The rankings the deciding body decided in the cycle (tracked).</summary>
    public IReadOnlyList<RankingDecision> Decisions { get; }

    public static async Task<DecisionScope> LoadAsync(KiemDiemDbContext db, Guid cycleId, Guid bodyId, CancellationToken cancellationToken)
    {
        var organisations = (await db.Organisations.AsNoTracking()
                .Select(o => new DecisionOrganisation(o.Id, o.Name, o.Kind, o.ParentId))
                .ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id);
        var asked = organisations.GetValueOrDefault(bodyId) ?? throw new KeyNotFoundException($"No organisation {bodyId}.");
        var deciding = GrassrootsOf(organisations, asked)
            ?? throw new BallotRefusedException(Format(RankingTexts.NotInGrassroots, asked.Name));
        var subtree = Subtree(organisations, deciding.Id);
        var ballots = (await db.Ballots
                .Where(b => b.CycleId == cycleId && subtree.Contains(b.BodyId))
                .ToListAsync(cancellationToken))
            .OrderBy(b => b.OpenedAt)
            .ThenBy(b => b.Round)
            .ToList();
        var ballotIds = ballots.Select(b => b.Id).ToList();
        var subjects = (await db.BallotSubjects.AsNoTracking()
                .Where(s => ballotIds.Contains(s.BallotId))
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.Position)
            .ToLookup(s => s.BallotId);
        var decisions = await db.RankingDecisions
            .Where(r => r.CycleId == cycleId && r.DecidedByBodyId == deciding.Id)
            .ToListAsync(cancellationToken);
        var memberIds = subjects.SelectMany(g => g).Select(s => s.SubjectId)
            .Concat(decisions.Select(d => d.SubjectId))
            .Where(id => !organisations.ContainsKey(id))
            .Distinct()
            .ToList();
        var members = await MemberNamesAsync(db, memberIds, cancellationToken);
        return new DecisionScope(organisations, asked, deciding, ballots, subjects, decisions, members);
    }

    public static async Task<Dictionary<Guid, (string Name, Guid CellId)>> MemberNamesAsync(
        KiemDiemDbContext db, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken) =>
        (await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FullName, m.OfficialCellId })
            .ToListAsync(cancellationToken))
        .ToDictionary(m => m.Id, m => (m.FullName, m.OfficialCellId));

    public DecisionOrganisation? Find(Guid organisationId) => organisations.GetValueOrDefault(organisationId);

    public string BodyName(Guid organisationId) => Find(organisationId)?.Name ?? organisationId.ToString();

    /// <summary>A member's or an organisation's name.</summary>
    public string SubjectName(Guid subjectId) =>
        members.TryGetValue(subjectId, out var member) ? member.Name : BodyName(subjectId);

    /// <summary>The cell a subject belongs to: a member's official cell, an organisation itself, a collective's organisation.</summary>
    public DecisionOrganisation? CellOf(Guid subjectId, BallotSubjectKind kind)
    {
        if (members.TryGetValue(subjectId, out var member))
        {
            return Find(member.CellId);
        }
        var organisation = Find(subjectId);
        return kind == BallotSubjectKind.LeadershipCollective && organisation?.ParentId is { } led ? Find(led) ?? organisation : organisation;
    }

    /// <summary>The committee collectives of the deciding body (Ban Chấp hành, Ban Thường vụ, Chi ủy).</summary>
    public IEnumerable<DecisionOrganisation> CommitteesOf(Guid organisationId) =>
        organisations.Values.Where(o => o.ParentId == organisationId && IsCommittee(o.Kind));

    public static bool IsCommittee(OrganisationKind kind) =>
        kind is OrganisationKind.ExecutiveCommittee or OrganisationKind.StandingCommittee or OrganisationKind.CellCommittee;

    /// <summary>The grassroots organisation at or above <paramref name="organisation"/>, if any.</summary>
    internal static DecisionOrganisation? GrassrootsOf(IReadOnlyDictionary<Guid, DecisionOrganisation> organisations, DecisionOrganisation organisation)
    {
        var visited = new HashSet<Guid>();
        var current = organisation;
        while (current is not null && visited.Add(current.Id))
        {
            if (current.Kind.IsGrassroots())
            {
                return current;
            }
            current = current.ParentId is { } parentId ? organisations.GetValueOrDefault(parentId) : null;
        }
        return null;
    }

    /// <summary>The organisation and everything under it (cells, sub-committees, collectives).</summary>
    internal static List<Guid> Subtree(IReadOnlyDictionary<Guid, DecisionOrganisation> organisations, Guid rootId)
    {
        var children = organisations.Values.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
        var subtree = new List<Guid>();
        var seen = new HashSet<Guid>();
        var pending = new Stack<Guid>([rootId]);
        while (pending.TryPop(out var id))
        {
            if (seen.Add(id))
            {
                subtree.Add(id);
                foreach (var child in children[id])
                {
                    pending.Push(child);
                }
            }
        }
        return subtree;
    }

    private static string Format(string format, params object[] arguments) => string.Format(RuleReason.TextCulture, format, arguments);
}
