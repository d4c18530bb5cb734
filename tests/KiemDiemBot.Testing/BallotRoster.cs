using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>A person a ballot test speaks as: roster id, code, name and e-mail (the local channel's user id).</summary>
public sealed record BallotPerson(Guid Id, string Code, string FullName, string Email);

/// <summary>
/// A cell of the test committee. <see cref="Voters"/> are its official members, not exempt (the secretary first,
/// then the deputy): the base of its ranking ballot and, all present, its voters.
/// </summary>
public sealed record BallotCell(Guid Id, string Name, IReadOnlyList<BallotPerson> Voters, BallotPerson? Probationary, BallotPerson? Exempt)
{
    public BallotPerson Secretary => Voters[0];

    public BallotPerson Deputy => Voters[1];

    /// <summary>Everyone on the cell's roster, in code order.</summary>
    public IReadOnlyList<BallotPerson> Everyone =>
        [.. Voters.Concat(new[] { Probationary, Exempt }.OfType<BallotPerson>()).OrderBy(p => p.Code, StringComparer.Ordinal)];
}

/// <summary>
/// The grassroots committee a ballot scenario runs in: two affiliated cells and its executive committee, whose
/// members (<see cref="Executive"/>, the secretary first) vote on the HTXSNV approval ballot.
/// </summary>
public sealed record BallotCommittee(Guid Id, string Name, Guid ExecutiveId, IReadOnlyList<BallotPerson> Executive, BallotCell Large, BallotCell Small)
{
    public BallotPerson Secretary => Executive[0];
}

/// <summary>
/// Builds the ballot scenario's roster beside the demo organisation (seed the demo first: it opens the cycle):
/// Đảng bộ Thử nghiệm Bỏ phiếu with Chi bộ Một (12 members: 10 official, 1 probationary, 1 exempt from work and
/// activities) and Chi bộ Hai (<c>smallCellVoters</c> official members). The committee's secretary is Chi bộ
/// Một's secretary, its deputy Chi bộ Hai's secretary, and Chi bộ Một's deputy is an executive member.
/// Every member is known by e-mail (<c>@bophieu.kiemdiem.vn</c>), as the local channel knows people.
/// </summary>
public static class BallotRoster
{
    public const string EmailDomain = "bophieu.kiemdiem.vn";
    public const string CommitteeName = "Đảng bộ Thử nghiệm Bỏ phiếu";
    public const string LargeCellName = "Chi bộ Một";
    public const string SmallCellName = "Chi bộ Hai";

    /// <summary>Given names, so every member has a distinct, searchable Vietnamese name.</summary>
    private static readonly string[] GivenNames =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Linh", "Minh", "Nga", "Oanh", "Phong",
        "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Thắm", "Lộc", "Nhung", "Phát", "Quyên",
    ];

    public static async Task<BallotCommittee> SeedAsync(IServiceProvider services, int smallCellVoters = 5)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (smallCellVoters < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(smallCellVoters), "A cell needs a secretary and a deputy.");
        }
        await TestRoster.SeedDemoAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();

        var committee = Organisation("TBP-DB", CommitteeName, OrganisationKind.GrassrootsCommittee, null);
        var executive = Organisation("TBP-DB-BCH", "Ban Chấp hành " + CommitteeName, OrganisationKind.ExecutiveCommittee, committee.Id);
        var large = Organisation("TBP-CB1", LargeCellName, OrganisationKind.AffiliatedCell, committee.Id);
        var small = Organisation("TBP-CB2", SmallCellName, OrganisationKind.AffiliatedCell, committee.Id);
        db.Organisations.AddRange(committee, executive, large, small);

        var names = new Queue<string>(GivenNames);
        var largeVoters = Enumerable.Range(1, 10).Select(i => Person(db, large, $"TBP-1{i:D2}", names.Dequeue(), MembershipKind.Official, PartyActivityStatus.Active)).ToList();
        var probationary = Person(db, large, "TBP-111", names.Dequeue(), MembershipKind.Probationary, PartyActivityStatus.Active);
        var exempt = Person(db, large, "TBP-112", names.Dequeue(), MembershipKind.Official, PartyActivityStatus.ExemptFromWorkAndActivities);
        var smallVoters = Enumerable.Range(1, smallCellVoters).Select(i => Person(db, small, $"TBP-2{i:D2}", names.Dequeue(), MembershipKind.Official, PartyActivityStatus.Active)).ToList();

        Post(db, largeVoters[0], large, PositionTitle.Secretary);
        Post(db, largeVoters[1], large, PositionTitle.DeputySecretary);
        Post(db, smallVoters[0], small, PositionTitle.Secretary);
        Post(db, smallVoters[1], small, PositionTitle.DeputySecretary);
        Post(db, largeVoters[0], executive, PositionTitle.Secretary);
        Post(db, smallVoters[0], executive, PositionTitle.DeputySecretary);
        Post(db, largeVoters[1], executive, PositionTitle.ExecutiveCommitteeMember);
        await db.SaveChangesAsync();

        return new BallotCommittee(
            committee.Id,
            committee.Name,
            executive.Id,
            [largeVoters[0], smallVoters[0], largeVoters[1]],
            new BallotCell(large.Id, large.Name, largeVoters, probationary, exempt),
            new BallotCell(small.Id, small.Name, smallVoters, null, null));
    }

    /// <summary>
    /// A cell of many official members known by Entra object id (the ballot storm): the first one is its secretary.
    /// Answers the cell's id and the members' ids in the order given.
    /// </summary>
    public static async Task<(Guid CellId, IReadOnlyList<Guid> MemberIds)> SeedCellAsync(
        IServiceProvider services, string cellName, IReadOnlyList<(string Email, string FullName, Guid ObjectId)> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        await TestRoster.SeedDemoAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var cell = Organisation("STORM-CB", cellName, OrganisationKind.GrassrootsCell, null);
        db.Organisations.Add(cell);
        var ids = new List<Guid>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var (email, fullName, objectId) = people[i];
            var member = new Member
            {
                Id = Guid.NewGuid(),
                Code = "STORM-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                FullName = fullName,
                Email = email,
                EmailKey = Member.ToEmailKey(email),
                EntraObjectId = objectId,
                OfficialCellId = cell.Id,
                Membership = MembershipKind.Official,
                AdmittedOn = new DateOnly(2012, 5, 19),
                IsCivilServant = true,
            };
            db.Members.Add(member);
            ids.Add(member.Id);
        }
        db.Positions.Add(new Position { Id = Guid.NewGuid(), MemberId = ids[0], BodyId = cell.Id, Title = PositionTitle.Secretary });
        await db.SaveChangesAsync();
        return (cell.Id, ids);
    }

    private static Organisation Organisation(string code, string name, OrganisationKind kind, Guid? parentId) =>
        new() { Id = Guid.NewGuid(), Code = code, Name = name, Kind = kind, ParentId = parentId };

    private static BallotPerson Person(KiemDiemDbContext db, Organisation cell, string code, string givenName, MembershipKind membership, PartyActivityStatus status)
    {
        var fullName = "Trần Thử " + givenName;
        var email = code.ToLowerInvariant() + "@" + EmailDomain;
        var member = new Member
        {
            Id = Guid.NewGuid(),
            Code = code,
            FullName = fullName,
            Email = email,
            EmailKey = Member.ToEmailKey(email),
            OfficialCellId = cell.Id,
            Membership = membership,
            AdmittedOn = membership == MembershipKind.Official ? new DateOnly(2012, 5, 19) : new DateOnly(2025, 7, 1),
            ActivityStatus = status,
            IsCivilServant = true,
        };
        db.Members.Add(member);
        return new BallotPerson(member.Id, code, fullName, email);
    }

    private static void Post(KiemDiemDbContext db, BallotPerson person, Organisation body, PositionTitle title) =>
        db.Positions.Add(new Position { Id = Guid.NewGuid(), MemberId = person.Id, BodyId = body.Id, Title = title });
}
