using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>The host's file port for tests that run the dialogs without a host: the export dialog resolves, and exporting fails the test.</summary>
internal sealed class NoFileOffer : IFileOffer
{
    public Task<DialogReply> OfferSelfReviewAsync(DialogTurn turn, SelfReviewView review, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("These tests do not export files.");

    public Task<DialogReply> OfferBallotPaperAsync(DialogTurn turn, BallotPaperRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("These tests do not export files.");
}
