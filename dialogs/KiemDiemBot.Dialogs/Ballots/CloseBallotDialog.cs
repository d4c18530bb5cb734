using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// "đóng phiếu" in the meeting chat (the ballot open there), or "Đóng phiếu" on the status card (the ballot it names):
/// the body's secretary or deputy closes it (Core refuses anyone else) and the chat gets the result card; the status
/// card is updated in place to closed. No result exists before this.
/// </summary>
public sealed class CloseBallotDialog(IBallotService ballots, IConversationPosts posts, ILogger<CloseBallotDialog> logger) : IDialog
{
    public const string Command = "dong phieu";

    public IReadOnlyCollection<string> Commands { get; } = [Command];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.CloseBallot];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } secretary)
        {
            return [];
        }
        Guid ballotId;
        if (turn.Value is not null)
        {
            if (CardValues.Id(turn.Value, CardDataKeys.Ballot) is not { } pressed)
            {
                return [DialogReply.FromText(BallotDialogTexts.ButtonNotUnderstood)];
            }
            ballotId = pressed;
        }
        else if (!turn.IsGroup)
        {
            return [DialogReply.FromText(BallotDialogTexts.CloseInGroupOnly)];
        }
        else if (await ballots.FindOpenAsync(new MeetingConversation(turn.ChannelId, turn.ConversationId), cancellationToken) is { } open)
        {
            ballotId = open.BallotId;
        }
        else
        {
            return [DialogReply.FromText(BallotDialogTexts.CloseNothingOpen)];
        }
        BallotResult result;
        try
        {
            result = await ballots.CloseAsync(ballotId, secretary.MemberId, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            BallotLog.ActionRefused(logger, ballotId, "close", secretary.MemberId);
            return [DialogReply.FromText(refused.Message)];
        }
        BallotLog.Closed(logger, ballotId, secretary.MemberId, result.Subjects.Count, result.Subjects.Count(s => s.NeedsRevote));
        if (!await posts.StageUpdateAsync(BallotPostKeys.Status(ballotId), BallotCards.Status(result.Ballot), cancellationToken))
        {
            BallotLog.StatusCardMissing(logger, ballotId);
        }
        return [DialogReply.FromCard(BallotCards.Result(result))];
    }
}
