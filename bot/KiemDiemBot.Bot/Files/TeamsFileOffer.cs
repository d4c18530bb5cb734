using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// Teams' way to hand over a file in a personal chat: a file consent card naming the file and its size, whose
/// contexts carry the review's id and version. The member's answer arrives as a <c>fileConsent/invoke</c>
/// (<see cref="FileConsentInvokeHandler"/>), which uploads the file on acceptance.
/// </summary>
internal sealed class TeamsFileOffer(ISelfReviewExporter exporter, IBallotExporter papers) : IFileOffer
{
    public async Task<DialogReply> OfferSelfReviewAsync(DialogTurn turn, SelfReviewView review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        var file = await exporter.ExportAsync(review.ReviewId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Self-review {review.ReviewId} could not be exported: it does not exist.");
        var card = FileConsentCard.Build(new FileConsentCardInput(
            review.Year, file.Content.LongLength, new FileConsentContext(review.ReviewId, review.Version)));
        return DialogReply.FromAttachment(new DialogAttachment(FileConsentCard.ContentType, card) { Name = file.FileName });
    }

    /// <summary>The file consent card for a ballot paper, whose contexts carry the paper's ids (see <see cref="BallotPaperConsentHandler"/>).</summary>
    public async Task<DialogReply> OfferBallotPaperAsync(DialogTurn turn, BallotPaperRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = await BallotPapers.ExportAsync(papers, request, cancellationToken).ConfigureAwait(false);
        var card = BallotPaperConsentCard.Build(new BallotPaperConsentCardInput(request, file.Content.LongLength));
        return DialogReply.FromAttachment(new DialogAttachment(FileConsentCard.ContentType, card) { Name = file.FileName });
    }
}
