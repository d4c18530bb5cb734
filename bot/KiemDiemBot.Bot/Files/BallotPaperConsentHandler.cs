using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// The secretary's answer to a ballot paper's file consent card (a <c>fileConsent/invoke</c> whose context is a
/// <see cref="BallotPaperRequest"/>, handed over by <see cref="FileConsentInvokeHandler"/>): only the body's secretary
/// or deputy (or those of a body above) gets the paper. Accepted: the paper is exported and uploaded to the address
/// Teams gave, the consent card is replaced by a "sent" card and the file card follows; declined or failed: the card
/// says nothing was sent, with a button to offer it again. Messages go through the outbox, committed before the
/// invoke is answered.
/// </summary>
internal sealed class BallotPaperConsentHandler(
    TurnIdentityResolver identities,
    IBallotExportScope scope,
    IBallotExporter exporter,
    FileUploader uploader,
    ITurnOutbox outbox,
    IUnitOfWork unitOfWork,
    TurnSignal signal,
    ILogger<BallotPaperConsentHandler> logger)
{
    public async Task<InvokeResponse> HandleAsync(Activity activity, JsonObject value, BallotPaperRequest paper, CancellationToken cancellationToken)
    {
        var action = FileConsentValue.ReadAction(value);
        var upload = action == "accept" ? FileConsentValue.ReadUploadInfo(value) : null;
        if ((action != "decline" && upload is null) || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.ChannelId)
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
        var bodyId = paper.BallotId is { } ballotId
            ? (await scope.ClosedAsync(ballotId, cancellationToken).ConfigureAwait(false))?.BodyId
            : paper.BodyId;
        if (bodyId is not { } body || !await scope.LeadsAsync(member, body, cancellationToken).ConfigureAwait(false))
        {
            FilesLog.ConsentRefused(logger, activity.Id, "not the body's secretary or deputy");
            return new InvokeResponse(StatusCodes.Status403Forbidden, null);
        }

        var result = upload is null ? FileOfferResult.Declined : await UploadAsync(paper, upload, cancellationToken).ConfigureAwait(false);
        var conversation = new ConversationKey(activity.ChannelId, conversationId);
        var resultCard = BallotPaperOfferResultCard.Build(new BallotPaperOfferResultCardInput(paper, result));
        Stage(activity, conversation, string.IsNullOrEmpty(activity.ReplyToId) ? DialogReply.FromCard(resultCard) : DialogReply.UpdateCard(activity.ReplyToId, resultCard));
        if (result == FileOfferResult.Sent)
        {
            var fileCard = new DialogAttachment(FileInfoCard.ContentType, FileInfoCard.Build(new FileInfoCardInput(upload!.UniqueId, upload.FileType)))
            {
                Name = upload.Name,
                ContentUrl = upload.ContentUrl,
            };
            Stage(activity, conversation, DialogReply.FromAttachment(fileCard));
        }
        await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
        signal.Notify(conversation);
        FilesLog.PaperConsentAnswered(logger, action!, paper.Verb, result.ToString());
        return new InvokeResponse(StatusCodes.Status200OK, null);
    }

    private async Task<FileOfferResult> UploadAsync(BallotPaperRequest paper, FileUploadInfo upload, CancellationToken cancellationToken)
    {
        var file = paper.BallotId is { } ballotId
            ? await exporter.MinutesAsync(ballotId, cancellationToken).ConfigureAwait(false)
            : await exporter.RankingListAsync(paper.CycleId!.Value, paper.BodyId!.Value, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return FileOfferResult.UploadFailed;
        }
        return await uploader.UploadAsync(upload.UploadUrl, file.Content, cancellationToken).ConfigureAwait(false)
            ? FileOfferResult.Sent
            : FileOfferResult.UploadFailed;
    }

    private void Stage(Activity invoke, ConversationKey conversation, DialogReply reply)
    {
        var message = ReplyActivityFactory.Create(invoke, reply);
        // Not a reply to the invoke: a new message, or the update of the consent card's message.
        message.ReplyToId = null;
        var (operation, target) = reply.UpdateActivityId is { } updated ? (OutboundOperation.Update, updated) : (OutboundOperation.Send, (string?)null);
        outbox.Stage(new OutboundEnvelope(conversation, invoke.ServiceUrl!, operation, target, JsonSerializer.Serialize(message, ProtocolJson.Options)));
    }
}
