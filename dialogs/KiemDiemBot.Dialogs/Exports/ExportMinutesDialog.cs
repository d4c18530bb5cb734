using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Exports;

/// <summary>
/// "xuất biên bản" in the meeting chat (the latest ballot closed there of a body the member leads), or the export button with a ballot's id:
/// hands the minutes (.docx) of that ballot's meeting to the body's secretary or deputy secretary, or to those of a
/// body above it. Delivered in the personal chat (<see cref="BallotPaperDelivery"/>).
/// </summary>
public sealed class ExportMinutesDialog(IBallotExportScope scope, BallotPaperDelivery delivery, ILogger<ExportMinutesDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = ["xuat bien ban"];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ExportMinutes];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            ExportLog.TurnWithoutMember(logger);
            return [];
        }
        var named = BallotPaperRequest.FromSubmit(CardVerbs.ExportMinutes, turn.Value);
        ClosedBallotRef? ballot;
        if (named?.BallotId is { } ballotId)
        {
            ballot = await scope.ClosedAsync(ballotId, cancellationToken);
        }
        else if (turn.Value is JsonObject)
        {
            return [DialogReply.FromText(BallotExportDialogTexts.CardNotUnderstood)];
        }
        else if (turn.IsGroup)
        {
            var closed = await scope.ClosedInChatAsync(new MeetingConversation(turn.ChannelId, turn.ConversationId), cancellationToken);
            if (closed.Count == 0)
            {
                return [DialogReply.FromText(BallotExportDialogTexts.NoClosedBallot)];
            }
            // The latest ballot of a body the member leads (the chat may also hold the committee's approval ballot).
            ballot = closed[0];
            foreach (var candidate in closed)
            {
                if (await scope.LeadsAsync(member, candidate.BodyId, cancellationToken))
                {
                    ballot = candidate;
                    break;
                }
            }
        }
        else
        {
            return [DialogReply.FromText(BallotExportDialogTexts.MinutesInMeetingChat)];
        }
        if (ballot is null)
        {
            return [DialogReply.FromText(BallotExportDialogTexts.NoClosedBallot)];
        }
        if (!await scope.LeadsAsync(member, ballot.BodyId, cancellationToken))
        {
            ExportLog.Refused(logger, CardVerbs.ExportMinutes, member.MemberId);
            return [DialogReply.FromText(BallotExportDialogTexts.NotAllowed)];
        }
        return [await delivery.DeliverAsync(turn, member, BallotPaperRequest.Minutes(ballot.BallotId), ballot.BodyName, ballot.Year, cancellationToken)];
    }
}
