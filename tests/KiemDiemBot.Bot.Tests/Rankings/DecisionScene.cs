using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Ballots;
using KiemDiemBot.Dialogs.Rankings;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Rankings;

/// <summary>
/// The demo organisation in local mode with the decision dialogs (and the ballot dialogs they work beside): the
/// grassroots committee Đảng bộ Sở Thông tin và Truyền thông, whose Ban Chấp hành holds Hùng (secretary), Mai
/// (deputy), Hương and Tuấn; its office cell (Hương secretary) and technology cell (Tuấn secretary). Cell ballots
/// are run through Core's ballot service as the meeting chat would run them: everyone present votes alike.
/// </summary>
internal sealed class DecisionScene(LocalReviewHost host)
{
    public const string Hung = DemoOrganisation.LeaderEmail;
    public const string Mai = "mai.tran@" + DemoOrganisation.EmailDomain;
    public const string Huong = "huong.pham@" + DemoOrganisation.EmailDomain;
    public const string Nam = "nam.hoang@" + DemoOrganisation.EmailDomain;
    public const string Tuan = "tuan.le@" + DemoOrganisation.EmailDomain;

    public LocalReviewHost Host => host;

    public ReviewWorld World => new(host);

    public static Task<LocalReviewHost> StartAsync(MigratedStorage storage, FakeTimeProvider clock) =>
        LocalReviewHost.StartAsync(storage, clock, new TestConnectorClient(), services =>
        {
            services.AddScoped<IDialog, AdoptResultsDialog>();
            services.AddScoped<IDialog, OpenApprovalBallotDialog>();
            services.AddScoped<IDialog, CastBallotDialog>();
        });

    public Task<RosterMember> MemberAsync(string email) => World.MemberAsync(email);

    /// <summary>A cell's id by its roster code.</summary>
    public async Task<Guid> OrganisationIdAsync(string code) =>
        (await host.InScopeAsync(s => s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None))).Single(c => c.Code == code).Id;

    /// <summary>The grassroots committee: where Hùng is secretary (his post is in its Ban Chấp hành).</summary>
    public async Task<Guid> GrassrootsIdAsync()
    {
        var hung = await host.InScopeAsync(s => s.GetRequiredService<ITurnMemberDirectory>().FindByEmailAsync(Hung, CancellationToken.None));
        return hung!.Roles.First(r => r.Kind == MemberRoleKind.Secretary).OrganisationId!.Value;
    }

    /// <summary>
    /// Opens, casts and closes a member ballot of the cell through Core as its secretary: every official member present,
    /// each casting <paramref name="choose"/>'s level for each subject (never above the subject's cap).
    /// </summary>
    public async Task<BallotResult> RunCellBallotAsync(string cellCode, string secretaryEmail, Func<BallotSubjectView, RankingLevel> choose, LocalChat? chat = null)
    {
        var cycle = await World.CycleAsync();
        var secretary = await MemberAsync(secretaryEmail);
        var cellId = await OrganisationIdAsync(cellCode);
        var opened = await host.InScopeAsync(async s =>
        {
            var ballots = s.GetRequiredService<IBallotService>();
            var setup = (await ballots.ProposeAsync(cycle.Id, secretary.Id, cellId, CancellationToken.None))!;
            var present = setup.Attendance.Where(a => a.IsOfficial && !a.IsExempt).Select(a => a.MemberId).ToList();
            return await ballots.OpenAsync(new OpenBallotRequest(
                cycle.Id, cellId, BallotSubjectKind.Member, [.. setup.MemberSubjects.Select(m => m.SubjectId)], present, QuorumOverride: false,
                Conversation(chat ?? new LocalChat(secretaryEmail, secretary.FullName, IsGroup: true))), secretary.Id, CancellationToken.None);
        });
        var choices = opened.Ballot.Subjects.ToDictionary(s => s.SubjectId, s => Capped(s, choose(s)));
        foreach (var voter in opened.VoterIds)
        {
            await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().CastAsync(opened.Ballot.BallotId, voter, choices, CancellationToken.None));
        }
        return await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().CloseAsync(opened.Ballot.BallotId, secretary.Id, CancellationToken.None));
    }

    /// <summary>Opens a member ballot of the cell in <paramref name="chat"/> through Core and leaves it open.</summary>
    public async Task<OpenedBallot> OpenCellBallotAsync(string cellCode, string secretaryEmail, LocalChat chat)
    {
        var cycle = await World.CycleAsync();
        var secretary = await MemberAsync(secretaryEmail);
        var cellId = await OrganisationIdAsync(cellCode);
        return await host.InScopeAsync(async s =>
        {
            var ballots = s.GetRequiredService<IBallotService>();
            var setup = (await ballots.ProposeAsync(cycle.Id, secretary.Id, cellId, CancellationToken.None))!;
            var present = setup.Attendance.Where(a => a.IsOfficial && !a.IsExempt).Select(a => a.MemberId).ToList();
            return await ballots.OpenAsync(new OpenBallotRequest(
                cycle.Id, cellId, BallotSubjectKind.Member, [.. setup.MemberSubjects.Select(m => m.SubjectId)], present, QuorumOverride: false,
                Conversation(chat)), secretary.Id, CancellationToken.None);
        });
    }

    /// <summary>Casts an approval ballot through Core: each voter agrees with the names in their list.</summary>
    public async Task CastApprovalsAsync(BallotView ballot, IReadOnlyList<(string Voter, IReadOnlyCollection<Guid> Agrees)> votes)
    {
        foreach (var (voter, agrees) in votes)
        {
            var id = (await MemberAsync(voter)).Id;
            var choices = ballot.Subjects.ToDictionary(s => s.SubjectId, s => agrees.Contains(s.SubjectId));
            await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().CastApprovalAsync(ballot.BallotId, id, choices, CancellationToken.None));
        }
    }

    public async Task<BallotResult> CloseAsync(Guid ballotId, string secretaryEmail)
    {
        var secretary = await MemberAsync(secretaryEmail);
        return await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().CloseAsync(ballotId, secretary.Id, CancellationToken.None));
    }

    public async Task<BallotView> RevoteAsync(Guid ballotId, string secretaryEmail)
    {
        var secretary = await MemberAsync(secretaryEmail);
        return (await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().OpenRevoteAsync(ballotId, secretary.Id, CancellationToken.None))).Ballot;
    }

    public async Task<IReadOnlyList<RankingView>> RankingsAsync()
    {
        var cycle = await World.CycleAsync();
        var grassroots = await GrassrootsIdAsync();
        return await host.InScopeAsync(s => s.GetRequiredService<IRankingDecisionService>().ListAsync(cycle.Id, grassroots, CancellationToken.None));
    }

    /// <summary>
    /// Messages the bot sends to other conversations than the turn's are found by the dispatcher's poll: moves the
    /// clock a second whenever the Connector is quiet, until <paramref name="count"/> arrived or nothing comes any more.
    /// </summary>
    public async Task<List<SentActivity>> ReceiveProactiveAsync(int count)
    {
        List<SentActivity> received = [];
        var idleRounds = 0;
        while (received.Count < count && idleRounds < 50)
        {
            if (await host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is { } sent)
            {
                received.Add(sent);
                idleRounds = 0;
                continue;
            }
            idleRounds++;
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return received;
    }

    public static MeetingConversation Conversation(LocalChat chat) => new(LocalChannelService.ChannelId, chat.ConversationId);

    private static RankingLevel Capped(BallotSubjectView subject, RankingLevel wanted) =>
        subject.AllowedLevels.Contains(wanted) ? wanted : subject.AllowedLevels.Max();
}
