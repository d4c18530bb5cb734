using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.SelfReviews;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// The member's answer to a file consent card (<c>fileConsent/invoke</c>), in the personal chat where it was
/// offered, by the member whose review it is (or their cell's secretary after a proxy entry). Accepted: the review's current .docx is uploaded to the address
/// Teams gave, then the consent card is replaced by a "sent" card and the file card follows. Declined: the
/// consent card is replaced by one saying nothing was sent and how to get the file again. Upload failed: the
/// same, saying the file was not sent. The messages go through the outbox, committed before the invoke is
/// answered 200; the pipeline runs this once per invoke id (a repeated delivery uploads nothing).
/// </summary>
internal sealed class FileConsentInvokeHandler(
    TurnIdentityResolver identities,
    ISelfReviewService reviews,
    SelfReviewAccess access,
    ISelfReviewExporter exporter,
    FileUploader uploader,
    ITurnOutbox outbox,
    IUnitOfWork unitOfWork,
    TurnSignal signal,
    BallotPaperConsentHandler papers,
    ILogger<FileConsentInvokeHandler> logger) : IInvokeHandler
{
    public string Name => FileConsentValue.InvokeName;

    public async Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is JsonObject value && BallotPaperRequest.FromConsentContext(value["context"]) is { } paper)
        {
            return await papers.HandleAsync(activity, value, paper, cancellationToken).ConfigureAwait(false);
        }
        var answer = FileConsentValue.TryRead(activity.Value);
        if (answer is null || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.ChannelId)
            || activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            FilesLog.ConsentRefused(logger, activity.Id, "not a file consent answer");
            return new InvokeResponse(StatusCodes.Status400BadRequest, null);
        }
        var identity = await identities.ResolveAsync(activity, cancellationToken).ConfigureAwait(false);
        if (identity.Member is not { } member)
        {
            FilesLog.ConsentRefused(logger, activity.Id, "not on the roster");
            return new InvokeResponse(StatusCodes.Status403Forbidden, null);
        }
        var review = await reviews.GetAsync(answer.Context.ReviewId, cancellationToken).ConfigureAwait(false);
        if (review is not null && !await access.MayHaveFileAsync(member, review.MemberId, review.Year, cancellationToken).ConfigureAwait(false))
        {
            FilesLog.ConsentRefused(logger, activity.Id, "another member's review");
            return new InvokeResponse(StatusCodes.Status403Forbidden, null);
        }

        var result = answer.Accepted
            ? await UploadAsync(review, answer.UploadInfo!, cancellationToken).ConfigureAwait(false)
            : FileOfferResult.Declined;
        var conversation = new ConversationKey(activity.ChannelId, conversationId);
        Stage(activity, conversation, ReplaceConsentCard(activity, FileOfferResultCard.Build(new FileOfferResultCardInput(result))));
        if (result == FileOfferResult.Sent)
        {
            var info = answer.UploadInfo!;
            var fileCard = new DialogAttachment(FileInfoCard.ContentType, FileInfoCard.Build(new FileInfoCardInput(info.UniqueId, info.FileType)))
            {
                Name = info.Name,
                ContentUrl = info.ContentUrl,
            };
            Stage(activity, conversation, DialogReply.FromAttachment(fileCard));
        }
        await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
        signal.Notify(conversation);
        FilesLog.ConsentAnswered(logger, answer.Accepted ? "accept" : "decline", answer.Context.ReviewId, result.ToString());
        return new InvokeResponse(StatusCodes.Status200OK, null);
    }

    private async Task<FileOfferResult> UploadAsync(SelfReviewView? review, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        var file = review is null ? null : await exporter.ExportAsync(review.ReviewId, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return FileOfferResult.UploadFailed;
        }
        return await uploader.UploadAsync(upload.UploadUrl, file.Content, cancellationToken).ConfigureAwait(false)
            ? FileOfferResult.Sent
            : FileOfferResult.UploadFailed;
    }

    /// <summary>The consent card's message replaced in place (the invoke's replyToId), or a new message when Teams did not say which it was.</summary>
    private static DialogReply ReplaceConsentCard(Activity invoke, JsonObject card) =>
        string.IsNullOrEmpty(invoke.ReplyToId) ? DialogReply.FromCard(card) : DialogReply.UpdateCard(invoke.ReplyToId, card);

    private void Stage(Activity invoke, ConversationKey conversation, DialogReply reply)
    {
        var message = ReplyActivityFactory.Create(invoke, reply);
        // Not a reply to the invoke: a new message, or the update of the consent card's message.
        message.ReplyToId = null;
        var (operation, target) = reply.UpdateActivityId is { } updated ? (OutboundOperation.Update, updated) : (OutboundOperation.Send, (string?)null);
        outbox.Stage(new OutboundEnvelope(conversation, invoke.ServiceUrl!, operation, target, JsonSerializer.Serialize(message, ProtocolJson.Options)));
    }
}
