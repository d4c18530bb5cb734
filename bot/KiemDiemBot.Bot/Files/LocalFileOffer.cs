using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// The local chat's way to hand over a file: a card with a link to <c>GET /files/{token}</c> on this host, the
/// token bound to the review and its member (the export dialog decided who may have it) and valid for <see cref="LocalFileLinks.Lifetime"/>.
/// </summary>
internal sealed class LocalFileOffer(ISelfReviewExporter exporter, IBallotExporter papers, LocalFileLinks links, LocalChannelAddress address) : IFileOffer
{
    public async Task<DialogReply> OfferSelfReviewAsync(DialogTurn turn, SelfReviewView review, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(review);
        _ = turn.Member ?? throw new InvalidOperationException("A file is offered to a roster member only.");
        var file = await exporter.ExportAsync(review.ReviewId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Self-review {review.ReviewId} could not be exported: it does not exist.");
        var link = new Uri(address.ServiceUrl, LocalFileEndpoints.PathFor(links.Issue(review.MemberId, review.ReviewId)));
        var card = FileDownloadCard.Build(new FileDownloadCardInput(
            review.Year, file.FileName, link, (int)LocalFileLinks.Lifetime.TotalMinutes));
        return DialogReply.FromCard(card);
    }

    public async Task<DialogReply> OfferBallotPaperAsync(DialogTurn turn, BallotPaperRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        var member = turn.Member ?? throw new InvalidOperationException("A file is offered to a roster member only.");
        var file = await BallotPapers.ExportAsync(papers, request, cancellationToken).ConfigureAwait(false);
        var link = new Uri(address.ServiceUrl, LocalFileEndpoints.PaperPathFor(links.IssuePaper(member.MemberId, request)));
        return DialogReply.FromCard(BallotPaperDownloadCard.Build(new BallotPaperDownloadCardInput(
            request, file.FileName, link, (int)LocalFileLinks.Lifetime.TotalMinutes)));
    }
}
