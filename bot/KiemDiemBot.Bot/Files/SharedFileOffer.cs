using System.Security.Cryptography;
using System.Text;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// In Teams with <c>Graph:Files</c> configured: Teams' file consent offer as before, and besides it the file put in
/// the organisation's SharePoint folder (or the member's OneDrive) by a background job that sends the member a card
/// with the link (<see cref="IExportShareQueue"/>). The request id comes from the turn's activity id, so a retried
/// turn sends the link once.
/// </summary>
internal sealed class SharedFileOffer(TeamsFileOffer consent, IExportShareQueue queue) : IFileOffer
{
    public async Task<DialogReply> OfferSelfReviewAsync(DialogTurn turn, SelfReviewView review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(review);
        var offer = await consent.OfferSelfReviewAsync(turn, review, cancellationToken).ConfigureAwait(false);
        return Queue(turn, offer, SharedExportKind.SelfReview, review.ReviewId, null);
    }

    public async Task<DialogReply> OfferBallotPaperAsync(DialogTurn turn, BallotPaperRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        var offer = await consent.OfferBallotPaperAsync(turn, request, cancellationToken).ConfigureAwait(false);
        return request.BallotId is { } ballotId
            ? Queue(turn, offer, SharedExportKind.Minutes, ballotId, null)
            : Queue(turn, offer, SharedExportKind.RankingList, request.CycleId!.Value, request.BodyId);
    }

    private DialogReply Queue(DialogTurn turn, DialogReply offer, SharedExportKind kind, Guid subjectId, Guid? bodyId)
    {
        var member = turn.Member ?? throw new InvalidOperationException("A file is offered to a roster member only.");
        queue.Enqueue(new ExportShareRequest(kind, subjectId, bodyId, member.MemberId), RequestId(turn, kind, subjectId));
        return offer with { Text = SharedFileLinkCard.QueuedText };
    }

    /// <summary>The same for a turn delivered again (same activity): its job sends the link once.</summary>
    private static Guid RequestId(DialogTurn turn, SharedExportKind kind, Guid subjectId)
    {
        if (string.IsNullOrEmpty(turn.ActivityId))
        {
            return Guid.NewGuid();
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{turn.ChannelId}|{turn.ConversationId}|{turn.ActivityId}|{kind}|{subjectId:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
