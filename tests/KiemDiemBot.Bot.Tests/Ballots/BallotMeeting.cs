using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.SelfReviews;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Dialogs.Ballots;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// The demo office cell's review meeting at the local chat page: its meeting chat (one group conversation every member
/// writes in), each member's personal chat with the bot, and what the bot sends to each, read in the order it arrives.
/// The office cell: Hương (secretary), Nam (deputy), Hùng, Ngọc and Long (official; Long disciplined, so capped at
/// KHTNV), Trang (probationary) and Thành (exempt from work and activities): 5 official members summoned, 5 voters.
/// </summary>
public sealed class BallotMeeting(LocalReviewHost host)
{
    public const string Huong = "huong.pham@" + DemoOrganisation.EmailDomain;
    public const string Nam = "nam.hoang@" + DemoOrganisation.EmailDomain;
    public const string Hung = "hung.nguyen@" + DemoOrganisation.EmailDomain;
    public const string Ngoc = "ngoc.ngo@" + DemoOrganisation.EmailDomain;
    public const string Long = "long.phan@" + DemoOrganisation.EmailDomain;
    public const string Trang = "trang.do@" + DemoOrganisation.EmailDomain;
    public const string Tuan = "tuan.le@" + DemoOrganisation.EmailDomain;

    /// <summary>Every roster name of the office cell: none may appear on the status card.</summary>
    public static readonly string[] OfficeNames =
        ["Phạm Thị Hương", "Hoàng Văn Nam", "Nguyễn Văn Hùng", "Ngô Thị Bích Ngọc", "Phan Văn Long", "Đỗ Thị Thu Trang", "Đặng Văn Thành"];

    private readonly LocalChat meetingChat = new("meeting@" + DemoOrganisation.EmailDomain, "Cuộc họp", IsGroup: true);

    public LocalReviewHost Host => host;

    public ReviewWorld World => new(host);

    /// <summary>The member's personal chat, opened (so the bot can reach them).</summary>
    public Task<ReviewSession> PersonalAsync(string email) => World.OpenAsync(email);

    /// <summary>The member in the meeting chat (the same group conversation for everyone).</summary>
    public async Task<ReviewSession> InMeetingAsync(string email)
    {
        var member = await World.MemberAsync(email);
        return new ReviewSession(host, meetingChat with { Email = email, Name = member.FullName });
    }

    public string MeetingConversationId => meetingChat.ConversationId;

    /// <summary>
    /// The next <paramref name="count"/> messages the bot sends anywhere; those to other chats than a turn's own go out
    /// on the dispatcher's poll, so the clock moves a poll interval whenever the Connector is quiet.
    /// </summary>
    public async Task<List<SentActivity>> ReceiveAsync(int count)
    {
        List<SentActivity> received = [];
        var idle = 0;
        while (received.Count < count && idle < 50)
        {
            if (await host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is { } sent)
            {
                received.Add(sent);
                idle = 0;
                continue;
            }
            idle++;
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        Assert.True(received.Count == count, $"Expected {count} messages from the bot, got {received.Count}.");
        return received;
    }

    /// <summary>True when the bot sends nothing more, even after several polls.</summary>
    public async Task<bool> StaysQuietAsync()
    {
        for (var i = 0; i < 10; i++)
        {
            if (await host.Connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is not null)
            {
                return false;
            }
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return true;
    }

    /// <summary>The secretary types "mở phiếu" in the meeting chat and gets the setup card.</summary>
    public async Task<ReviewCard> SetupAsync(ReviewSession secretary) => await secretary.SayForCardAsync("mở phiếu");

    /// <summary>
    /// Presses "Mở phiếu" on the setup card with <paramref name="inputs"/> changed; answers the replies: the setup card
    /// replaced by its summary, the status card, and one ballot card per reachable voter.
    /// </summary>
    public async Task<Opened> OpenAsync(ReviewSession secretary, ReviewCard setup, int ballotCards, params (string Id, string Value)[] inputs)
    {
        await host.PostAsync(secretary.Chat.Submit(setup.Press(setup.Button("Mở phiếu"), inputs), setup.Sent.SentId));
        var sent = await ReceiveAsync(2 + ballotCards);
        var summary = new ReviewCard(Assert.Single(sent, s => s.UpdatedActivityId == setup.Sent.SentId));
        var status = new ReviewCard(Assert.Single(sent, s => s.ConversationId == MeetingConversationId && s.UpdatedActivityId is null));
        var ballots = sent.Where(s => s.ConversationId != MeetingConversationId).ToDictionary(s => s.ConversationId, s => new ReviewCard(s));
        return new Opened(summary, status, ballots, Guid.Parse(status.Button("Đóng phiếu")["data"]![CardDataKeys.Ballot]!.GetValue<string>()));
    }

    /// <summary>The voter's ballot card as received when the ballot opened.</summary>
    public static ReviewCard BallotOf(Opened opened, ReviewSession voter) => opened.Ballots[voter.Chat.ConversationId];

    /// <summary>Each subject input's id on a ballot card, in order.</summary>
    public static IReadOnlyList<string> SubjectInputs(ReviewCard ballot) =>
        [.. ballot.Inputs.Select(i => i["id"]!.GetValue<string>()).Where(id => id.StartsWith(CardDataKeys.SubjectPrefix, StringComparison.Ordinal))];

    /// <summary>A whole ballot: <paramref name="level"/> for each subject where it is allowed, else the best allowed level.</summary>
    public static (string Id, string Value)[] Choose(ReviewCard ballot, string level) =>
        [.. SubjectInputs(ballot).Select(id => (id, ballot.ChoicesOf(id).Contains(level) ? level : ballot.ChoicesOf(id)[0]))];

    /// <summary>The voter presses "Bỏ phiếu" with these choices in their personal chat; answers the replies of their turn.</summary>
    public async Task<IReadOnlyList<SentActivity>> CastAsync(ReviewSession voter, ReviewCard ballot, (string Id, string Value)[] choices, int replies = 1)
    {
        var value = ballot.Press(ballot.Button("Bỏ phiếu"), choices);
        return await voter.PressAsync(ballot, value, replies);
    }

    /// <summary>The ballot's submit data alone (verb and ballot id), as a member could post it without having the card.</summary>
    public static JsonObject ForgedCast(Guid ballotId, params (string Id, string Value)[] choices)
    {
        var value = new JsonObject
        {
            [CardDataKeys.Verb] = CardVerbs.CastBallot,
            [CardDataKeys.Ballot] = ballotId.ToString("D"),
            [CardDataKeys.CardVersion] = BallotCard.CardVersion,
        };
        foreach (var (id, choice) in choices)
        {
            value[id] = choice;
        }
        return value;
    }

    /// <summary>The status card's update after a cast, sent on the next poll to the meeting chat.</summary>
    public async Task<ReviewCard> StatusUpdateAsync(Opened opened)
    {
        var update = Assert.Single(await ReceiveAsync(1));
        Assert.Equal(MeetingConversationId, update.ConversationId);
        Assert.Equal(opened.Status.Sent.SentId, update.UpdatedActivityId);
        return new ReviewCard(update);
    }

    public static string OpenFlowName => OpenBallotFlow.FlowName;
}

/// <summary>What opening a ballot sent: the setup summary, the status card, each voter's ballot card by their conversation, and the ballot.</summary>
public sealed record Opened(ReviewCard Summary, ReviewCard Status, IReadOnlyDictionary<string, ReviewCard> Ballots, Guid BallotId);
