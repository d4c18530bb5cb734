using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Rankings;

/// <summary>
/// A grassroots committee (its Ban Chấp hành holds the secretary A1, the deputy B1 and the members A3, B2) with
/// cell A of eight members (A2 its secretary) and cell B of six, and beside it a grassroots cell O of three (O1
/// its secretary); the 2022 cycle under HD21. Closed ranking ballots are stored as the ballot service leaves them
/// once counted: subjects with their counted level (or none), no votes.
/// </summary>
internal sealed class DecisionHarness(StorageFixture storage)
{
    public static readonly MeetingConversation Chat = new("msteams", "19:committee-meeting@thread.v2");

    public StorageFixture Storage => storage;

    public Guid CycleId { get; private set; }

    public Guid CommitteeId { get; } = Guid.NewGuid();

    public Guid ExecutiveId { get; } = Guid.NewGuid();

    public Guid CellAId { get; } = Guid.NewGuid();

    public Guid CellBId { get; } = Guid.NewGuid();

    public Guid CellOId { get; } = Guid.NewGuid();

    /// <summary>Members by code: A1..A8, B1..B6, O1..O3.</summary>
    public Dictionary<string, Guid> People { get; } = [];

    public Guid this[string code] => People[code];

    public static async Task<DecisionHarness> CreateAsync(StorageFixture storage)
    {
        var harness = new DecisionHarness(storage);
        await harness.SeedAsync();
        return harness;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        var result = await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    /// <summary>Runs one synchronous piece of set-up in a unit of work and commits it.</summary>
    public Task<T> InScope<T>(Func<IServiceProvider, T> action) => InScopeAsync(sp => Task.FromResult(action(sp)));

    public Task<T> DecisionsAsync<T>(Func<IRankingDecisionService, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<IRankingDecisionService>()));

    /// <summary>A closed first-round member ballot of a cell: each member's counted level (null: no result).</summary>
    public Task<Guid> AddClosedRankingBallotAsync(Guid bodyId, IReadOnlyList<(string Code, RankingLevel? Level)> outcomes, int round = 1, Guid? previous = null) =>
        InScope(sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            var ballot = NewBallot(bodyId, BallotKind.Ranking, BallotState.Closed, round, previous);
            db.Ballots.Add(ballot);
            for (var i = 0; i < outcomes.Count; i++)
            {
                db.BallotSubjects.Add(new BallotSubject
                {
                    BallotId = ballot.Id,
                    SubjectId = this[outcomes[i].Code],
                    Position = i,
                    Outcome = outcomes[i].Level,
                    NeedsRevote = outcomes[i].Level is null,
                });
            }
            return ballot.Id;
        });

    /// <summary>An open ranking ballot of a body with these subjects.</summary>
    public Task<Guid> AddOpenRankingBallotAsync(Guid bodyId, params string[] codes) =>
        InScope(sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            var ballot = NewBallot(bodyId, BallotKind.Ranking, BallotState.Open, 1, null);
            db.Ballots.Add(ballot);
            for (var i = 0; i < codes.Length; i++)
            {
                db.BallotSubjects.Add(new BallotSubject { BallotId = ballot.Id, SubjectId = this[codes[i]], Position = i });
            }
            return ballot.Id;
        });

    public Task<T> BallotsAsync<T>(Func<IBallotService, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<IBallotService>()));

    /// <summary>
    /// Casts an approval ballot through the ballot service: each voter (by code) agrees with the candidates named in
    /// their string ("A1 A2") and disagrees with the others on the ballot.
    /// </summary>
    public async Task CastApprovalsAsync(BallotView ballot, IReadOnlyList<(string Voter, string Agrees)> votes)
    {
        foreach (var (voter, agrees) in votes)
        {
            var yes = agrees.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(code => this[code]).ToHashSet();
            var choices = ballot.Subjects.ToDictionary(s => s.SubjectId, s => yes.Contains(s.SubjectId));
            await BallotsAsync(b => b.CastApprovalAsync(ballot.BallotId, this[voter], choices, CancellationToken.None));
        }
    }

    public Task<BallotResult> CloseAsync(Guid ballotId, string secretary = "A1") =>
        BallotsAsync(b => b.CloseAsync(ballotId, this[secretary], CancellationToken.None));

    public async Task<BallotView> RevoteAsync(Guid ballotId, string secretary = "A1") =>
        (await BallotsAsync(b => b.OpenRevoteAsync(ballotId, this[secretary], CancellationToken.None))).Ballot;

    public Task<Ballot> BallotAsync(Guid ballotId) =>
        InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().Ballots.AsNoTracking().SingleAsync(b => b.Id == ballotId));

    public Task<List<Guid>> VotersAsync(Guid ballotId) =>
        InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().BallotVoters.AsNoTracking()
            .Where(v => v.BallotId == ballotId).Select(v => v.MemberId).ToListAsync());

    /// <summary>Cell A: A1..A3 HTXSNV, A4..A8 HTTNV. Cell B: B1, B2 HTXSNV, B3..B6 HTTNV.</summary>
    public async Task AddTwoCellsOverTheCapAsync()
    {
        await AddClosedRankingBallotAsync(CellAId,
        [
            ("A1", RankingLevel.ExcellentCompletion), ("A2", RankingLevel.ExcellentCompletion), ("A3", RankingLevel.ExcellentCompletion),
            ("A4", RankingLevel.GoodCompletion), ("A5", RankingLevel.GoodCompletion), ("A6", RankingLevel.GoodCompletion),
            ("A7", RankingLevel.GoodCompletion), ("A8", RankingLevel.GoodCompletion),
        ]);
        await AddClosedRankingBallotAsync(CellBId,
        [
            ("B1", RankingLevel.ExcellentCompletion), ("B2", RankingLevel.ExcellentCompletion),
            ("B3", RankingLevel.GoodCompletion), ("B4", RankingLevel.GoodCompletion), ("B5", RankingLevel.GoodCompletion),
            ("B6", RankingLevel.GoodCompletion),
        ]);
    }

    private Ballot NewBallot(Guid bodyId, BallotKind kind, BallotState state, int round, Guid? previous)
    {
        storage.Clock.Advance(TimeSpan.FromMinutes(1));
        return new Ballot
        {
            Id = Guid.NewGuid(),
            CycleId = CycleId,
            BodyId = bodyId,
            Kind = kind,
            SubjectKind = BallotSubjectKind.Member,
            State = state,
            Round = round,
            PreviousBallotId = previous,
            Base = 8,
            EligibleVoters = 8,
            ChannelId = Chat.ChannelId,
            ConversationId = "19:" + bodyId.ToString("N") + "@thread.v2",
            OpenedBy = Guid.Empty,
            OpenedAt = storage.Clock.GetUtcNow(),
            ClosedAt = state == BallotState.Closed ? storage.Clock.GetUtcNow() : null,
        };
    }

    private async Task SeedAsync()
    {
        var cycle = await InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().CreateAsync(2022, RuleSetCodes.Hd21Of2022, "test", CancellationToken.None));
        CycleId = cycle.Id;
        await InScope(sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            db.Organisations.AddRange(
                Organisation(CommitteeId, "T-DB", "Đảng bộ Thử nghiệm", OrganisationKind.GrassrootsCommittee, null),
                Organisation(ExecutiveId, "T-DB-BCH", "Ban Chấp hành Đảng bộ Thử nghiệm", OrganisationKind.ExecutiveCommittee, CommitteeId),
                Organisation(CellAId, "T-A", "Chi bộ A", OrganisationKind.AffiliatedCell, CommitteeId),
                Organisation(CellBId, "T-B", "Chi bộ B", OrganisationKind.AffiliatedCell, CommitteeId),
                Organisation(CellOId, "T-O", "Chi bộ cơ sở O", OrganisationKind.GrassrootsCell, null));
            AddMembers(db, "A", CellAId, 8);
            AddMembers(db, "B", CellBId, 6);
            AddMembers(db, "O", CellOId, 3);
            AddPosition(db, "A1", ExecutiveId, PositionTitle.Secretary);
            AddPosition(db, "B1", ExecutiveId, PositionTitle.DeputySecretary);
            AddPosition(db, "A3", ExecutiveId, PositionTitle.ExecutiveCommitteeMember);
            AddPosition(db, "B2", ExecutiveId, PositionTitle.ExecutiveCommitteeMember);
            AddPosition(db, "A2", CellAId, PositionTitle.Secretary);
            AddPosition(db, "O1", CellOId, PositionTitle.Secretary);
            return true;
        });
    }

    /// <summary>Marks a member disciplined (reprimand) in the cycle's year: their level is capped at KHTNV.</summary>
    public Task<bool> DisciplineAsync(string code) =>
        InScopeAsync(async sp =>
        {
            var member = await sp.GetRequiredService<KiemDiemDbContext>().Members.SingleAsync(m => m.Id == this[code]);
            member.Discipline = DisciplineSeverity.Reprimand;
            member.DisciplinedOn = new DateOnly(2022, 6, 1);
            return true;
        });

    private void AddMembers(KiemDiemDbContext db, string prefix, Guid cellId, int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var code = prefix + i;
            var id = Guid.NewGuid();
            People[code] = id;
            db.Members.Add(new Member
            {
                Id = id,
                Code = "T-" + code,
                FullName = "Đảng viên " + code,
                OfficialCellId = cellId,
                Membership = MembershipKind.Official,
                AdmittedOn = new DateOnly(2010, 5, 19),
            });
        }
    }

    private void AddPosition(KiemDiemDbContext db, string code, Guid bodyId, PositionTitle title) =>
        db.Positions.Add(new Position { Id = Guid.NewGuid(), MemberId = this[code], BodyId = bodyId, Title = title });

    private static Organisation Organisation(Guid id, string code, string name, OrganisationKind kind, Guid? parentId) =>
        new() { Id = id, Code = code, Name = name, Kind = kind, ParentId = parentId };
}
