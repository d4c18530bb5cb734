using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Ballots;

/// <summary>
/// A grassroots committee with its executive committee (five members) and two cells: cell A of twelve (a secretary,
/// a deputy, eight more official members, one probationary, one exempt; one official member on long sick leave, so
/// capped at HTNV) and cell B of three. Each use case runs in a unit of work of its own, committed, as a turn does.
/// </summary>
internal sealed class BallotHarness
{
    public static readonly MeetingConversation Chat = new("msteams", "19:meeting-a@thread.v2");

    private BallotHarness(StorageFixture storage) => Storage = storage;

    public StorageFixture Storage { get; }

    public Guid CycleId { get; } = Guid.NewGuid();

    public Guid CommitteeId { get; } = Guid.NewGuid();

    public Guid ExecutiveId { get; } = Guid.NewGuid();

    public Guid CellA { get; } = Guid.NewGuid();

    public Guid CellB { get; } = Guid.NewGuid();

    /// <summary>Cell A: [0] secretary, [1] deputy, [2..9] official, [10] probationary, [11] exempt; [9] on long sick leave.</summary>
    public List<Guid> A { get; } = [];

    public List<Guid> B { get; } = [];

    /// <summary>The executive committee: [0] its secretary (a member of cell B), then four members from both cells.</summary>
    public List<Guid> Committee { get; } = [];

    public Guid Secretary => A[0];

    public Guid Deputy => A[1];

    public Guid Probationary => A[10];

    public Guid Exempt => A[11];

    public Guid SickLeave => A[9];

    /// <summary>The ten official members of cell A who are not exempt: the base.</summary>
    public IReadOnlyList<Guid> OfficialA => A.Take(10).ToList();

    public static async Task<BallotHarness> CreateAsync(StorageFixture storage)
    {
        var harness = new BallotHarness(storage);
        await harness.SeedAsync();
        return harness;
    }

    private async Task SeedAsync()
    {
        await using var scope = Storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        db.ReviewCycles.Add(new ReviewCycle { Id = CycleId, Year = 2022, RuleSetCode = RuleSetCodes.Hd21Of2022, CreatedAt = Storage.Clock.GetUtcNow() });
        db.Organisations.AddRange(
            new Organisation { Id = CommitteeId, Code = "T-DB", Name = "Đảng bộ Thử nghiệm", Kind = OrganisationKind.GrassrootsCommittee },
            new Organisation { Id = ExecutiveId, Code = "T-BCH", Name = "Ban Chấp hành Đảng bộ Thử nghiệm", Kind = OrganisationKind.ExecutiveCommittee, ParentId = CommitteeId },
            new Organisation { Id = CellA, Code = "T-CBA", Name = "Chi bộ A", Kind = OrganisationKind.AffiliatedCell, ParentId = CommitteeId },
            new Organisation { Id = CellB, Code = "T-CBB", Name = "Chi bộ B", Kind = OrganisationKind.AffiliatedCell, ParentId = CommitteeId });
        string[] namesA =
        [
            "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Giang",
            "Đặng Văn Hải", "Bùi Thị Hoa", "Đỗ Văn Khánh", "Ngô Thị Lan", "Dương Văn Minh", "Lý Thị Nga",
        ];
        for (var i = 0; i < namesA.Length; i++)
        {
            var member = NewMember("T-A" + i, namesA[i], CellA);
            member.Membership = i == 10 ? MembershipKind.Probationary : MembershipKind.Official;
            member.AdmittedOn = i == 10 ? new DateOnly(2022, 1, 10) : new DateOnly(2010, 3, 3);
            member.ActivityStatus = i == 11 ? PartyActivityStatus.ExemptFromWorkAndActivities : PartyActivityStatus.Active;
            member.LongSickLeave = i == 9;
            db.Members.Add(member);
            A.Add(member.Id);
        }
        foreach (var (code, name) in new[] { ("T-B0", "Mai Văn Phúc"), ("T-B1", "Tạ Thị Quỳnh"), ("T-B2", "Kiều Văn Sơn") })
        {
            var member = NewMember(code, name, CellB);
            db.Members.Add(member);
            B.Add(member.Id);
        }
        db.Positions.AddRange(
            Post(A[0], CellA, PositionTitle.Secretary),
            Post(A[1], CellA, PositionTitle.DeputySecretary),
            Post(B[0], CellB, PositionTitle.Secretary));
        // The executive committee: its secretary (of cell B) and four members from both cells.
        Committee.AddRange([B[1], A[0], A[2], B[0], A[3]]);
        db.Positions.Add(Post(B[1], ExecutiveId, PositionTitle.Secretary));
        foreach (var id in Committee.Skip(1))
        {
            db.Positions.Add(Post(id, ExecutiveId, PositionTitle.ExecutiveCommitteeMember));
        }
        await db.SaveChangesAsync();
    }

    private static Member NewMember(string code, string name, Guid cellId) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        FullName = name,
        OfficialCellId = cellId,
        Membership = MembershipKind.Official,
        AdmittedOn = new DateOnly(2010, 3, 3),
        ActivityStatus = PartyActivityStatus.Active,
    };

    private static Position Post(Guid memberId, Guid bodyId, PositionTitle title) =>
        new() { Id = Guid.NewGuid(), MemberId = memberId, BodyId = bodyId, Title = title };

    /// <summary>Runs one unit of work and commits it, as a turn does.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Storage.CreateScope();
        var result = await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    public Task<T> BallotsAsync<T>(Func<IBallotService, Task<T>> action) =>
        InScopeAsync(sp => action(sp.GetRequiredService<IBallotService>()));

    /// <summary>Opens a ranking ballot of cell A on the given members, everyone official present unless told.</summary>
    public Task<OpenedBallot> OpenAsync(IReadOnlyList<Guid> subjects, IReadOnlyCollection<Guid>? present = null, bool quorumOverride = false, Guid? actor = null) =>
        BallotsAsync(s => s.OpenAsync(
            new OpenBallotRequest(CycleId, CellA, BallotSubjectKind.Member, subjects, present ?? A, quorumOverride, Chat),
            actor ?? Secretary, CancellationToken.None));

    public Task<BallotView> CastAsync(Guid ballotId, Guid voter, IReadOnlyDictionary<Guid, RankingLevel> choices) =>
        BallotsAsync(s => s.CastAsync(ballotId, voter, choices, CancellationToken.None));

    public Task<BallotView> CastApprovalAsync(Guid ballotId, Guid voter, IReadOnlyDictionary<Guid, bool> agrees) =>
        BallotsAsync(s => s.CastApprovalAsync(ballotId, voter, agrees, CancellationToken.None));

    public Task<BallotResult> CloseAsync(Guid ballotId, Guid? actor = null) =>
        BallotsAsync(s => s.CloseAsync(ballotId, actor ?? Secretary, CancellationToken.None));

    /// <summary>Casts ballots one voter after another: <paramref name="ballots"/>[i] is the i-th voter's ballot.</summary>
    public async Task CastAllAsync(Guid ballotId, IReadOnlyList<Guid> voters, IReadOnlyList<IReadOnlyDictionary<Guid, RankingLevel>> ballots)
    {
        for (var i = 0; i < ballots.Count; i++)
        {
            await CastAsync(ballotId, voters[i], ballots[i]);
        }
    }

    /// <summary>
    /// Ballots for <paramref name="subjects"/> from per-subject level lists: ballot i picks <c>levels[s][i]</c> for subject s.
    /// </summary>
    public static List<IReadOnlyDictionary<Guid, RankingLevel>> Ballots(IReadOnlyList<Guid> subjects, params RankingLevel[][] levels) =>
        [.. Enumerable.Range(0, levels[0].Length)
            .Select(i => (IReadOnlyDictionary<Guid, RankingLevel>)subjects.Select((s, k) => (s, levels[k][i])).ToDictionary(p => p.s, p => p.Item2))];

    public static RankingLevel[] Levels(int excellent, int good, int completion, int nonCompletion) =>
    [
        .. Enumerable.Repeat(RankingLevel.ExcellentCompletion, excellent),
        .. Enumerable.Repeat(RankingLevel.GoodCompletion, good),
        .. Enumerable.Repeat(RankingLevel.Completion, completion),
        .. Enumerable.Repeat(RankingLevel.NonCompletion, nonCompletion),
    ];

    public async Task<T> QueryAsync<T>(Func<KiemDiemDbContext, Task<T>> query)
    {
        await using var scope = Storage.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>());
    }
}
