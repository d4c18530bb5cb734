using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Core.Tests.Identity;

/// <summary>
/// The authorisation rule as a table, over a small tree: a bloc committee above a grassroots committee with two
/// cells. Secretaries and deputies act on their organisation and below, admins everywhere, members only on themselves.
/// </summary>
public sealed class MemberAuthorizationTests
{
    private static readonly Guid Bloc = Guid.Parse("00000000-0000-0000-0000-0000000000b1");
    private static readonly Guid Grassroots = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid CellA = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid CellB = Guid.Parse("00000000-0000-0000-0000-0000000000c2");

    private static readonly Dictionary<Guid, Guid?> Parents = new()
    {
        [Bloc] = null,
        [Grassroots] = Bloc,
        [CellA] = Grassroots,
        [CellB] = Grassroots,
    };

    private static readonly Dictionary<string, TurnMember> People = new()
    {
        ["member of A"] = Person(1, CellA),
        ["other member of A"] = Person(2, CellA),
        ["member of B"] = Person(3, CellB),
        ["secretary of A"] = Person(4, CellA, new MemberRole(MemberRoleKind.Secretary, CellA)),
        ["deputy of A"] = Person(5, CellA, new MemberRole(MemberRoleKind.DeputySecretary, CellA)),
        ["secretary of B"] = Person(6, CellB, new MemberRole(MemberRoleKind.Secretary, CellB)),
        ["deputy of grassroots"] = Person(7, CellB, new MemberRole(MemberRoleKind.DeputySecretary, Grassroots)),
        ["admin"] = Person(8, CellB, new MemberRole(MemberRoleKind.Admin, null)),
    };

    private static readonly Dictionary<string, Guid> Organisations = new()
    {
        ["bloc"] = Bloc,
        ["grassroots"] = Grassroots,
        ["cell A"] = CellA,
        ["cell B"] = CellB,
    };

    public static TheoryData<string, MemberAction, string, bool> Table() => new()
    {
        // Leadership actions on organisations.
        { "secretary of A", MemberAction.OpenCycle, "cell A", true },
        { "secretary of A", MemberAction.ScheduleMeeting, "cell B", false },
        { "secretary of A", MemberAction.SetMeetingDates, "grassroots", false },
        { "deputy of A", MemberAction.OpenBallot, "cell A", true },
        { "deputy of A", MemberAction.CloseBallot, "cell A", true },
        { "deputy of grassroots", MemberAction.ViewProgress, "grassroots", true },
        { "deputy of grassroots", MemberAction.ViewProgress, "cell A", true },
        { "deputy of grassroots", MemberAction.AdoptResults, "cell B", true },
        { "deputy of grassroots", MemberAction.OpenCycle, "bloc", false },
        { "admin", MemberAction.OpenCycle, "bloc", true },
        { "admin", MemberAction.CloseBallot, "cell A", true },
        { "member of A", MemberAction.ViewProgress, "cell A", false },
        { "member of A", MemberAction.OpenBallot, "cell A", false },

        // Actions on a member's review.
        { "member of A", MemberAction.WriteSelfReview, "member of A", true },
        { "member of A", MemberAction.WriteSelfReview, "other member of A", false },
        { "secretary of A", MemberAction.WriteSelfReview, "member of A", false },
        { "admin", MemberAction.WriteSelfReview, "member of A", false },
        { "member of A", MemberAction.ViewReview, "member of A", true },
        { "member of A", MemberAction.ViewReview, "other member of A", false },
        { "secretary of A", MemberAction.ViewReview, "member of A", true },
        { "secretary of B", MemberAction.ViewReview, "member of A", false },
        { "deputy of grassroots", MemberAction.ViewReview, "member of A", true },
        { "admin", MemberAction.ViewReview, "member of B", true },
        { "member of A", MemberAction.UnlockReview, "member of A", false },
        { "secretary of A", MemberAction.UnlockReview, "member of A", true },
        { "secretary of B", MemberAction.UnlockReview, "member of A", false },
        { "deputy of A", MemberAction.UnlockReview, "member of A", true },
        { "admin", MemberAction.UnlockReview, "member of A", true },

        // Entering a member's self-review by proxy: the secretary or deputy of their own cell, nobody else.
        { "secretary of A", MemberAction.EnterReviewByProxy, "member of A", true },
        { "deputy of A", MemberAction.EnterReviewByProxy, "member of A", true },
        { "secretary of B", MemberAction.EnterReviewByProxy, "member of A", false },
        { "deputy of grassroots", MemberAction.EnterReviewByProxy, "member of A", false },
        { "admin", MemberAction.EnterReviewByProxy, "member of A", false },
        { "other member of A", MemberAction.EnterReviewByProxy, "member of A", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Allows_TableOfPeopleActionsAndSubjects_AnswersAsTheRuleSays(string who, MemberAction action, string subject, bool expected)
    {
        var target = Subject(subject);

        var allowed = MemberAuthorization.Allows(People[who], action, target, Lineage(target.OrganisationId));

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public void ScopeOf_EveryAction_IsDecided()
    {
        Assert.All(Enum.GetValues<MemberAction>(), action => Assert.Null(Record.Exception(() => MemberAuthorization.ScopeOf(action))));
    }

    [Fact]
    public void Allows_SecretaryWithoutTheTree_DoesNotReachBelowTheirOrganisation()
    {
        // A lineage that lacks the secretary's organisation (e.g. an organisation in another tree) grants nothing.
        var allowed = MemberAuthorization.Allows(
            People["secretary of A"], MemberAction.ViewProgress, AccessSubject.Organisation(Guid.NewGuid()), [Guid.NewGuid()]);

        Assert.False(allowed);
    }

    private static TurnMember Person(int number, Guid cell, params MemberRole[] roles) =>
        new(Guid.Parse($"00000000-0000-0000-0000-{number:D12}"), "Đảng viên " + number, $"dv{number}@example.vn", cell, roles);

    private static AccessSubject Subject(string name) =>
        Organisations.TryGetValue(name, out var organisationId)
            ? AccessSubject.Organisation(organisationId)
            : AccessSubject.Member(People[name]);

    private static List<Guid> Lineage(Guid organisationId)
    {
        var lineage = new List<Guid>();
        for (Guid? current = organisationId; current is { } id; current = Parents[id])
        {
            lineage.Add(id);
        }
        return lineage;
    }
}
