using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Dialogs;

/// <summary>
/// How the host hands a member a file in the personal chat they write from: in Teams a file consent card (the
/// file is uploaded to the member's OneDrive once they accept it), in the local chat a short-lived download
/// link. The dialog decides whether the member gets the file; this port decides how.
/// </summary>
public interface IFileOffer
{
    /// <summary>The reply that offers the member the .docx of <paramref name="review"/>, in the turn's personal chat.</summary>
    Task<DialogReply> OfferSelfReviewAsync(DialogTurn turn, SelfReviewView review, CancellationToken cancellationToken);

    /// <summary>
    /// The reply that offers the member a ballot paper (the minutes of a closed ballot's meeting, or a body's ranking
    /// list), in the turn's personal chat; the export dialog has checked that the member may have it.
    /// </summary>
    Task<DialogReply> OfferBallotPaperAsync(DialogTurn turn, BallotPaperRequest request, CancellationToken cancellationToken);
}
