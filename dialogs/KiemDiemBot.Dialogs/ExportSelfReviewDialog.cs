using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using System.Text.Json.Nodes;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.SelfReviews;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs;

/// <summary>
/// "xuất file", and the export button on cards: hands the member the .docx of their self-review of the open
/// cycle, in their personal chat only (a group chat or channel is told so, and gets no file). A member with no
/// review yet is told how to start one. How the file travels (Teams' consent card, or the local chat's link)
/// is the host's <see cref="IFileOffer"/>.
/// </summary>
public sealed partial class ExportSelfReviewDialog(
    IReviewCycleService cycles,
    ISelfReviewService reviews,
    SelfReviewAccess access,
    IFileOffer files,
    ILogger<ExportSelfReviewDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = ["xuat file"];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ExportSelfReview];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            TurnWithoutMember();
            return [];
        }
        if (turn.IsGroup)
        {
            return [DialogReply.FromText(FileMessages.PersonalChatOnly)];
        }
        var cycle = await cycles.FindCurrentAsync(cancellationToken);
        if (cycle is null)
        {
            return [DialogReply.FromText(FileMessages.NoOpenCycle)];
        }
        // The button after a secretary's proxy entry names the member whose review it is.
        var ownerId = OwnerNamedOnCard(turn) ?? member.MemberId;
        if (!await access.MayHaveFileAsync(member, ownerId, cycle.Year, cancellationToken))
        {
            ProxyExportRefused();
            return [DialogReply.FromText(FileMessages.NotYourReview)];
        }
        var review = await reviews.FindAsync(ownerId, cycle.Id, cancellationToken);
        if (review is null)
        {
            return [DialogReply.FromText(FileMessages.NoSelfReviewYet(cycle.Year))];
        }
        var offer = await files.OfferSelfReviewAsync(turn, review, cancellationToken);
        Offered(review.ReviewId, review.Version);
        return [offer];
    }

    private static Guid? OwnerNamedOnCard(DialogTurn turn) =>
        turn.Value?[CardDataKeys.MemberId] is JsonValue value && value.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)
            ? id
            : null;

    [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "An export of another member's self-review was refused")]
    private partial void ProxyExportRefused();

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Offered the .docx of self-review {ReviewId}, version {Version}")]
    private partial void Offered(Guid reviewId, int version);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Warning, Message = "An export reached the dialog without a roster member; nothing was sent")]
    private partial void TurnWithoutMember();
}
