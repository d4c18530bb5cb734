using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Bot.Files;

/// <summary>The file a <see cref="BallotPaperRequest"/> names, exported for an offer the export dialog allowed.</summary>
internal static class BallotPapers
{
    public static async Task<ExportedFile> ExportAsync(IBallotExporter exporter, BallotPaperRequest request, CancellationToken cancellationToken) =>
        request.BallotId is { } ballotId
            ? await exporter.MinutesAsync(ballotId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Ballot {ballotId} has no minutes: it does not exist or is not closed.")
            : await exporter.RankingListAsync(request.CycleId!.Value, request.BodyId!.Value, cancellationToken).ConfigureAwait(false);
}
