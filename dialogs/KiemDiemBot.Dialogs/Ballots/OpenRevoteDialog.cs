using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// "Bỏ phiếu lại" on a result card: the body's secretary or deputy opens the next round for the flagged subjects
/// only (Core decides which, with the same attendance), and it goes out as an opening does: one private ballot card
/// per voter, the report of who could not be reached, and a new status card under the new ballot's post key.
/// </summary>
public sealed class OpenRevoteDialog(IBallotService ballots, IMemberNotices notices, ILogger<OpenRevoteDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.OpenRevote];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } secretary)
        {
            return [];
        }
        if (CardValues.Id(turn.Value, CardDataKeys.Ballot) is not { } ballotId)
        {
            return [DialogReply.FromText(BallotDialogTexts.ButtonNotUnderstood)];
        }
        OpenedBallot opened;
        try
        {
            opened = await ballots.OpenRevoteAsync(ballotId, secretary.MemberId, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            BallotLog.ActionRefused(logger, ballotId, "revote", secretary.MemberId);
            return [DialogReply.FromText(refused.Message)];
        }
        var sent = await BallotDelivery.StageAsync(notices, opened, cancellationToken);
        var ballot = opened.Ballot;
        BallotLog.Opened(logger, ballot.BallotId, ballot.Round, ballot.BodyId, secretary.MemberId, opened.VoterIds.Count, sent.Staged, sent.AlreadySent, sent.Unreachable.Count);
        return
        [
            DialogReply.FromText(BallotDelivery.Report(sent)),
            DialogReply.FromCard(BallotCards.Status(ballot)) with { PostKey = BallotPostKeys.Status(ballot.BallotId) },
        ];
    }
}
