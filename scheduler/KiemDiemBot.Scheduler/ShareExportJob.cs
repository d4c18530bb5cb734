using Hangfire;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Puts one export into the organisation's files (or the member's OneDrive), shares it with the people who may read
/// it, and sends the member who asked a card with the link in their personal chat. Ids in; the file is one row per
/// kind and subject (uploaded again only when its bytes changed) and the link card is one delivery per request id,
/// so a retried job neither duplicates the file nor sends the link twice.
/// </summary>
public sealed partial class ShareExportJob(
    IExportSharing sharing,
    IMemberNotices notices,
    IUnitOfWork unitOfWork,
    ILogger<ShareExportJob> logger)
{
    /// <summary>Hangfire's entry point.</summary>
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(SharedExportKind kind, Guid subjectId, Guid? bodyId, Guid requesterId, Guid requestId, CancellationToken cancellationToken) =>
        ShareAsync(new ExportShareRequest(kind, subjectId, bodyId, requesterId), requestId, cancellationToken);

    /// <summary>Shares the export and stages the link card; answers what was shared (null: no such document).</summary>
    public async Task<SharedExport?> ShareAsync(ExportShareRequest request, Guid requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shared = await sharing.ShareAsync(request, cancellationToken);
        if (shared is null)
        {
            NothingToShare(logger, request.Kind, request.SubjectId);
            await unitOfWork.CommitAsync(cancellationToken);
            return null;
        }
        var card = SharedFileLinkCard.Build(new SharedFileLinkCardInput(
            request.Kind switch
            {
                SharedExportKind.Minutes => SharedFileDocument.Minutes,
                SharedExportKind.RankingList => SharedFileDocument.RankingList,
                _ => SharedFileDocument.SelfReview,
            },
            shared.FileName,
            new Uri(shared.WebUrl),
            shared.InOneDrive,
            shared.SharedWith,
            !shared.Uploaded ? SharedFileChange.Unchanged : shared.Replaced ? SharedFileChange.Replaced : SharedFileChange.New));
        var sent = await notices.StageToMembersAsync([request.RequesterId], card, "file-link:" + requestId.ToString("N"), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        Shared(logger, request.Kind, request.SubjectId, shared.Uploaded, shared.SharedWith, sent.Staged);
        return shared;
    }

    [LoggerMessage(EventId = 8701, Level = LogLevel.Warning, Message = "Export {Kind} of {SubjectId} not shared: the document does not exist")]
    private static partial void NothingToShare(ILogger logger, SharedExportKind kind, Guid subjectId);

    [LoggerMessage(EventId = 8702, Level = LogLevel.Information, Message = "Export {Kind} of {SubjectId} shared (uploaded: {Uploaded}, readers: {SharedWith}); link staged for {Staged} member")]
    private static partial void Shared(ILogger logger, SharedExportKind kind, Guid subjectId, bool uploaded, int sharedWith, int staged);
}
