using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// A body's meeting as its people live it on the local chat page: the meeting's group chat (everyone of the body in
/// it), each voter's personal chat with the bot (opened first, so the bot can reach them), and the steps of a ballot
/// as typed and pressed: <c>mở phiếu</c> and its setup card, each voter's one submit, <c>phiếu giấy</c>,
/// <c>đóng phiếu</c>, <c>Bỏ phiếu lại</c>, <c>thông qua kết quả</c>.
/// </summary>
public sealed class WebChatMeeting
{
    private readonly BallotChatHost host;
    private readonly Dictionary<Guid, DirectLineChat> personal;

    private WebChatMeeting(BallotChatHost host, BallotPerson chair, DirectLineChat group, Dictionary<Guid, DirectLineChat> personal)
    {
        this.host = host;
        Chair = chair;
        Group = group;
        this.personal = personal;
    }

    /// <summary>Who types the secretary's commands in the group chat.</summary>
    public BallotPerson Chair { get; }

    public DirectLineChat Group { get; }

    public MeetingConversation Conversation => new(LocalChannelService.ChannelId, Group.ConversationId);

    /// <summary>
    /// The meeting chat named as the cell's (<c>"{cell} – họp kiểm điểm"</c>), with everyone in it, and the personal
    /// chats of <paramref name="people"/>.
    /// </summary>
    public static async Task<WebChatMeeting> StartAsync(BallotChatHost host, string chatName, BallotPerson chair, IReadOnlyList<BallotPerson> people)
    {
        ArgumentNullException.ThrowIfNull(host);
        var group = await host.GroupChatAsync(chatName, [chair, .. people.Where(p => p.Id != chair.Id)]);
        var personal = new Dictionary<Guid, DirectLineChat>();
        foreach (var person in people.Append(chair).DistinctBy(p => p.Id))
        {
            personal[person.Id] = await host.PersonalChatAsync(person);
        }
        return new WebChatMeeting(host, chair, group, personal);
    }

    /// <summary>The meeting chat name the bot recognises for a cell.</summary>
    public static string CellChatName(string cellName) => cellName + " – họp kiểm điểm";

    public DirectLineChat PersonalChat(BallotPerson person) => personal[person.Id];

    /// <summary>"mở phiếu", then "Mở phiếu" on the setup card with what it proposes (every member, every official present); answers the ballot.</summary>
    public async Task<BallotView> OpenAsync()
    {
        await Group.SayAsync(Chair, "mở phiếu");
        var setup = await Group.WaitForAsync(a => DirectLineChat.CardText(a).Contains("Mở phiếu xếp loại", StringComparison.Ordinal) && ChatCards.SubmitActions(a).Any(), "the setup card");
        await Group.PressAsync(Chair, setup, DirectLineChat.SubmitWithVerb(setup, CardVerbs.FlowSubmit));
        await Group.WaitForTextAsync("Đã bỏ phiếu 0/");
        return await host.InScopeAsync(s => s.GetRequiredService<IBallotService>().FindOpenAsync(Conversation, CancellationToken.None))
            ?? throw new InvalidOperationException("No ballot is open in the meeting chat after 'mở phiếu'.");
    }

    /// <summary>The voter's ballot card for this ballot, as it arrived in their personal chat.</summary>
    public Task<JsonObject> BallotCardAsync(BallotPerson voter, Guid ballotId) =>
        PersonalChat(voter).WaitForAsync(a => IsBallotCard(a, ballotId), "the ballot card of " + voter.FullName);

    /// <summary>The voter picks a level per subject on their ballot card and presses "Bỏ phiếu" once; waits for the receipt.</summary>
    public Task CastAsync(BallotPerson voter, Guid ballotId, IReadOnlyDictionary<Guid, RankingLevel> levels) =>
        SubmitAsync(voter, ballotId, levels.ToDictionary(p => BallotCard.InputId(p.Key), p => ((int)p.Value).ToString(CultureInfo.InvariantCulture)));

    /// <summary>The voter answers agree or not per name on their approval ballot card; waits for the receipt.</summary>
    public Task CastApprovalAsync(BallotPerson voter, Guid ballotId, IReadOnlyDictionary<Guid, bool> agrees) =>
        SubmitAsync(voter, ballotId, agrees.ToDictionary(p => BallotCard.InputId(p.Key), p => p.Value ? BallotCard.AgreeValue : BallotCard.DisagreeValue));

    /// <summary>"phiếu giấy", then the form with <paramref name="ballots"/> paper ballots and votes per subject and level (blank where none).</summary>
    public async Task RecordPaperAsync(int ballots, IReadOnlyDictionary<Guid, IReadOnlyDictionary<RankingLevel, int>> votes)
    {
        await Group.SayAsync(Chair, "phiếu giấy");
        var form = await Group.WaitForAsync(a => ChatCards.Inputs(a).Any(i => (string?)i["id"] == PaperTallyCard.BallotsInputId), "the paper tally form");
        var inputs = new Dictionary<string, string> { [PaperTallyCard.BallotsInputId] = ballots.ToString(CultureInfo.InvariantCulture) };
        foreach (var (subject, levels) in votes)
        {
            foreach (var (level, count) in levels)
            {
                inputs[PaperTallyCard.InputId(subject, ((int)level).ToString(CultureInfo.InvariantCulture))] = count.ToString(CultureInfo.InvariantCulture);
            }
        }
        await Group.PressAsync(Chair, form, DirectLineChat.SubmitWithVerb(form, CardVerbs.FlowSubmit), inputs);
        await Group.WaitForTextAsync("Phiếu giấy đã nhập: " + ballots.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>"đóng phiếu"; answers the result card.</summary>
    public async Task<JsonObject> CloseAsync(string bodyName)
    {
        var earlier = Group.FromBot.Where(a => IsResultCard(a, bodyName)).Select(a => (string?)a["id"]).ToHashSet();
        await Group.SayAsync(Chair, "đóng phiếu");
        return await Group.WaitForAsync(a => IsResultCard(a, bodyName) && !earlier.Contains((string?)a["id"]), "the result card");
    }

    /// <summary>"Bỏ phiếu lại" on the result card; answers the new round's ballot.</summary>
    public async Task<BallotView> RevoteAsync(JsonObject resultCard, Guid closedBallotId)
    {
        await Group.PressAsync(Chair, resultCard, DirectLineChat.SubmitWithVerb(resultCard, CardVerbs.OpenRevote));
        var service = (Func<IServiceProvider, Task<BallotView?>>)(s => s.GetRequiredService<IBallotService>().FindOpenAsync(Conversation, CancellationToken.None));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await host.InScopeAsync(service) is { } open && open.PreviousBallotId == closedBallotId)
            {
                return open;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No re-vote opened after 'Bỏ phiếu lại'.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The result of a closed ballot as Core counted it.</summary>
    public Task<BallotResult> ResultAsync(Guid ballotId) =>
        host.InScopeAsync(s => s.GetRequiredService<IBallotService>().GetResultAsync(ballotId, CancellationToken.None));

    private async Task SubmitAsync(BallotPerson voter, Guid ballotId, Dictionary<string, string> inputs)
    {
        var chat = PersonalChat(voter);
        var card = await BallotCardAsync(voter, ballotId);
        await chat.PressAsync(voter, card, DirectLineChat.SubmitWithVerb(card, CardVerbs.CastBallot), inputs);
        var id = (string?)card["id"];
        await chat.WaitForAsync(a => (string?)a["id"] == id && DirectLineChat.CardText(a).Contains("Đã nhận phiếu của đồng chí", StringComparison.Ordinal), "the receipt of " + voter.FullName);
    }

    private static bool IsBallotCard(JsonObject activity, Guid ballotId) =>
        ChatCards.SubmitActions(activity).Any(a =>
            (string?)a["data"]?[CardDataKeys.Verb] == CardVerbs.CastBallot
            && Guid.TryParse((string?)a["data"]?[CardDataKeys.Ballot], out var id) && id == ballotId);

    private static bool IsResultCard(JsonObject activity, string bodyName) =>
        DirectLineChat.CardText(activity) is var text
        && (text.Contains("Kết quả bỏ phiếu xếp loại – " + bodyName, StringComparison.Ordinal)
            || text.Contains("Kết quả biểu quyết giữ mức HTXSNV – " + bodyName, StringComparison.Ordinal));
}
