using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Cards.Tests.Dialogs;

/// <summary>The host's file port as these tests need it: the dialogs resolve, and an offer is a line naming the review.</summary>
internal sealed class TextFileOffer : IFileOffer
{
    public Task<DialogReply> OfferSelfReviewAsync(DialogTurn turn, SelfReviewView review, CancellationToken cancellationToken) =>
        Task.FromResult(DialogReply.FromText("file " + review.ReviewId.ToString("N")));

    public Task<DialogReply> OfferBallotPaperAsync(DialogTurn turn, BallotPaperRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(DialogReply.FromText("file " + request.Verb + " " + (request.BallotId ?? request.BodyId)!.Value.ToString("N")));
}
