using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Exports;

/// <summary>
/// Hands a ballot paper to the member who asked, once the dialog has checked they may have it. In their personal
/// chat: the host's offer (<see cref="IFileOffer"/>: Teams' file consent card, or the local chat's download link).
/// In a group chat (the meeting chat), where Teams' file consent does not work and the others would see the file: a
/// card in their personal chat whose button asks for the paper there, and a line in the meeting chat saying so.
/// </summary>
public sealed class BallotPaperDelivery(IFileOffer files, IMemberNotices notices, ILogger<BallotPaperDelivery> logger)
{
    private const int MaxScopeLength = 200;

    public async Task<DialogReply> DeliverAsync(DialogTurn turn, TurnMember member, BallotPaperRequest request, string bodyName, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        if (!turn.IsGroup)
        {
            var offer = await files.OfferBallotPaperAsync(turn, request, cancellationToken);
            ExportLog.Offered(logger, request.Verb, member.MemberId);
            return offer;
        }
        var card = BallotPaperReadyCard.Build(new BallotPaperReadyCardInput(request, bodyName, year));
        // One card per request: a retried turn does not send it twice.
        var scope = "ballot-paper:" + (turn.ActivityId ?? Guid.NewGuid().ToString("N"));
        if (scope.Length > MaxScopeLength)
        {
            scope = scope[..MaxScopeLength];
        }
        var sent = await notices.StageToMembersAsync([member.MemberId], card, scope, cancellationToken);
        if (sent.Staged + sent.AlreadySent == 0)
        {
            ExportLog.PersonalChatUnknown(logger, request.Verb, member.MemberId);
            return DialogReply.FromText(BallotExportDialogTexts.PersonalChatUnknown);
        }
        ExportLog.SentToPersonalChat(logger, request.Verb, member.MemberId);
        return DialogReply.FromText(string.Format(CultureInfo.InvariantCulture, BallotExportDialogTexts.SentToPersonalChat, request.Title.ToLower(CultureInfo.GetCultureInfo("vi-VN"))));
    }
}
