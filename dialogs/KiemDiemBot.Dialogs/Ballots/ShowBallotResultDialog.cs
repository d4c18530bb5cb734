using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// "Xem kết quả" on a closed ballot's status card: the result card again, in the meeting chat the ballot ran in (a
/// result is never shown elsewhere, nor before the ballot closes).
/// </summary>
public sealed class ShowBallotResultDialog(IBallotService ballots) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ShowBallotResult];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is null)
        {
            return [];
        }
        if (CardValues.Id(turn.Value, CardDataKeys.Ballot) is not { } ballotId || await ballots.GetAsync(ballotId, cancellationToken) is not { } ballot)
        {
            return [DialogReply.FromText(BallotDialogTexts.BallotUnknown)];
        }
        if (ballot.Conversation.ChannelId != turn.ChannelId || ballot.Conversation.ConversationId != turn.ConversationId)
        {
            return [DialogReply.FromText(BallotDialogTexts.ResultInMeetingChatOnly)];
        }
        try
        {
            return [DialogReply.FromCard(BallotCards.Result(await ballots.GetResultAsync(ballotId, cancellationToken)))];
        }
        catch (BallotRefusedException refused)
        {
            return [DialogReply.FromText(refused.Message)];
        }
    }
}
