using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// Teams' way to hand over a file in a personal chat: a file consent card naming the file and its size, whose
/// contexts carry the review's id and version. The member's answer arrives as a <c>fileConsent/invoke</c>
/// (<see cref="FileConsentInvokeHandler"/>), which uploads the file on acceptance.
/// </summary>
internal sealed class TeamsFileOffer(ISelfReviewExporter exporter) : IFileOffer
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
}
